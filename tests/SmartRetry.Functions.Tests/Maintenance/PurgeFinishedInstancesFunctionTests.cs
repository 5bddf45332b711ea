using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using SmartRetry.Functions.Maintenance;
using SmartRetry.Functions.Tests.TestHost;

namespace SmartRetry.Functions.Tests.Maintenance;

public sealed class PurgeFinishedInstancesFunctionTests
{
    [Fact]
    public async Task Purges_finished_instances_created_before_the_retention_window_through_the_bound_client()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 3, 0, 0, TimeSpan.Zero));
        var durableClient = new RecordingDurableClient { PurgeCount = 5 };
        var function = new PurgeFinishedInstancesFunction(
            Options.Create(new MaintenanceOptions { RetentionDays = 30 }), clock, NullLogger<PurgeFinishedInstancesFunction>.Instance);

        await function.Run(new TimerInfo(), durableClient, CancellationToken.None);

        // Only finished instances, and only those created before the window: the host purges running ones too when no status is given.
        PurgeInstancesFilter purge = Assert.Single(durableClient.Purges);
        Assert.Equal(new DateTimeOffset(2026, 10, 24, 3, 0, 0, TimeSpan.Zero), purge.CreatedTo);
        Assert.Null(purge.CreatedFrom);
        Assert.Equal([OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated], purge.Statuses);
    }
}
