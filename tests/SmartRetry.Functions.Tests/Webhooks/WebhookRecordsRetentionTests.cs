using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SmartRetry.Functions.Shared.Correlation;
using SmartRetry.Functions.Shared.Storage;
using SmartRetry.Functions.Tests.Shared.Storage;
using SmartRetry.Functions.Webhooks;
using SmartRetry.Testing.Storage;

namespace SmartRetry.Functions.Tests.Webhooks;

[Collection(AzuriteTests.Name)]
public sealed class WebhookRecordsRetentionTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 3, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Events_older_than_the_retention_are_deleted_and_younger_ones_kept()
    {
        PaymentsTables tables = TestTables.Create(azurite);
        var events = new TableWebhookEventStore(tables);
        var pending = new TablePendingEventStore(tables);
        await events.TryAddAsync(Received("evt_old", Now.AddDays(-31)), CancellationToken.None);
        await events.TryAddAsync(Received("evt_edge", Now.AddDays(-29)), CancellationToken.None);
        await events.TryAddAsync(Received("evt_new", Now.AddHours(-1)), CancellationToken.None);
        await pending.AddAsync(Pending("evt_old", Now.AddDays(-40)), CancellationToken.None);
        await pending.AddAsync(Pending("evt_new", Now.AddDays(-2)), CancellationToken.None);
        var retention = new WebhookRecordsRetention(
            events, pending, Options.Create(new WebhookIntakeOptions { RetentionDays = 30 }), new FakeTimeProvider(Now), NullLogger<WebhookRecordsRetention>.Instance);

        WebhookRecordsPurged purged = await retention.PurgeAsync(CancellationToken.None);
        WebhookRecordsPurged again = await retention.PurgeAsync(CancellationToken.None);

        Assert.Equal(new WebhookRecordsPurged(Now.AddDays(-30), 1, 1), purged);
        Assert.Equal(new WebhookRecordsPurged(Now.AddDays(-30), 0, 0), again);
        Assert.Null(await events.GetAsync("evt_old", CancellationToken.None));
        Assert.NotNull(await events.GetAsync("evt_edge", CancellationToken.None));
        Assert.NotNull(await events.GetAsync("evt_new", CancellationToken.None));
        Assert.Equal(["evt_new"], (await pending.GetAsync(CorrelationKind.Transaction, "TX1", CancellationToken.None)).Select(p => p.EventId));
    }

    [Fact]
    public void A_retention_shorter_than_SmartRetrys_redelivery_window_is_refused()
    {
        var options = new WebhookIntakeOptions { WebhookSecret = "whsec_test", RetentionDays = 1 };

        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        bool valid = System.ComponentModel.DataAnnotations.Validator.TryValidateObject(
            options, new System.ComponentModel.DataAnnotations.ValidationContext(options), results, validateAllProperties: true);

        Assert.False(valid);
        Assert.Contains(results, r => r.MemberNames.Contains(nameof(WebhookIntakeOptions.RetentionDays)));
    }

    private static StoredWebhookEvent Received(string id, DateTimeOffset receivedAt) =>
        new(id, "transaction.approved", receivedAt, receivedAt, $"{{\"id\":\"{id}\"}}", WebhookEventState.Raised, receivedAt);

    private static PendingEvent Pending(string id, DateTimeOffset createdAt) =>
        new(CorrelationKind.Transaction, "TX1", id, "SmartRetryTransaction", createdAt, "{}");
}
