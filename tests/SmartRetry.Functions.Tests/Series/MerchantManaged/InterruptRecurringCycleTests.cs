using Microsoft.Extensions.Logging.Testing;
using SmartRetry.Functions.Series.MerchantManaged;
using SmartRetry.Functions.Shared.Series;
using SmartRetry.Functions.Tests.TestHost;

namespace SmartRetry.Functions.Tests.Series.MerchantManaged;

public sealed class InterruptRecurringCycleTests
{
    [Fact]
    public async Task A_cycle_that_already_ended_is_not_interrupted_and_the_log_says_so()
    {
        var logger = new FakeLogger<InterruptRecurringCycle>();
        var host = new WorkflowTestHost();

        bool raised = await new InterruptRecurringCycle(logger).RunAsync(
            new CycleInterruption("rs-1-c3", new SeriesControl(SeriesCommand.Cancel, "req-1", DateTimeOffset.UnixEpoch)), host.Client, CancellationToken.None);

        Assert.False(raised);
        Assert.Contains("rs-1-c3", logger.LatestRecord.Message, StringComparison.Ordinal);
    }
}
