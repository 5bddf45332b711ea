using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using SmartRetry.Functions.Maintenance;
using SmartRetry.Functions.Shared.Durable;

namespace SmartRetry.Functions.Tests.Maintenance;

public sealed class PurgeFinishedInstancesFunctionTests
{
    [Fact]
    public async Task Purges_finished_instances_created_before_the_retention_window_through_the_bound_client()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 3, 0, 0, TimeSpan.Zero));
        DurableTaskClient durableClient = new Mock<DurableTaskClient>(MockBehavior.Strict, "test").Object;
        var workflows = new Mock<IWorkflowClient>(MockBehavior.Strict);
        var factory = new Mock<IWorkflowClientFactory>(MockBehavior.Strict);
        factory.Setup(f => f.Create(durableClient)).Returns(workflows.Object);
        using var cancellation = new CancellationTokenSource();
        workflows.Setup(w => w.PurgeFinishedAsync(new DateTimeOffset(2026, 10, 24, 3, 0, 0, TimeSpan.Zero), cancellation.Token)).ReturnsAsync(5);
        var function = new PurgeFinishedInstancesFunction(
            factory.Object, Options.Create(new MaintenanceOptions { RetentionDays = 30 }), clock, NullLogger<PurgeFinishedInstancesFunction>.Instance);

        await function.Run(new TimerInfo(), durableClient, cancellation.Token);

        workflows.Verify(w => w.PurgeFinishedAsync(It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Once);
    }
}
