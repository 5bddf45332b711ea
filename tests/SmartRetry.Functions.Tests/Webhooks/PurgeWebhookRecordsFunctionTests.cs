using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using SmartRetry.Functions.Shared.Correlation;
using SmartRetry.Functions.Webhooks;

namespace SmartRetry.Functions.Tests.Webhooks;

public sealed class PurgeWebhookRecordsFunctionTests
{
    [Fact]
    public async Task Purges_webhook_and_pending_events_older_than_the_retention()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 3, 30, 0, TimeSpan.Zero));
        DateTimeOffset cutOff = new(2026, 11, 16, 3, 30, 0, TimeSpan.Zero);
        using var cancellation = new CancellationTokenSource();
        var events = new Mock<IWebhookEventStore>(MockBehavior.Strict);
        var pending = new Mock<IPendingEventStore>(MockBehavior.Strict);
        events.Setup(e => e.PurgeReceivedBeforeAsync(cutOff, cancellation.Token)).ReturnsAsync(3);
        pending.Setup(p => p.PurgeCreatedBeforeAsync(cutOff, cancellation.Token)).ReturnsAsync(1);
        var function = new PurgeWebhookRecordsFunction(new WebhookRecordsRetention(
            events.Object, pending.Object, Options.Create(new WebhookIntakeOptions { RetentionDays = 7 }), clock, NullLogger<WebhookRecordsRetention>.Instance));

        await function.Run(new TimerInfo(), cancellation.Token);

        events.Verify(e => e.PurgeReceivedBeforeAsync(It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Once);
        pending.Verify(p => p.PurgeCreatedBeforeAsync(It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Once);
    }
}
