using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using SmartRetry.Functions.Shared.Durable;
using SmartRetry.Functions.Shared.Events;

namespace SmartRetry.Functions.Series.MerchantManaged;

/// <summary>Raises the interrupt into a running charge cycle. A cycle that already finished needs no interrupt; returns whether it was raised.</summary>
public sealed class InterruptRecurringCycle(ILogger<InterruptRecurringCycle> logger)
{
    /// <param name="durable">The invocation's Durable client (the host binds one per call).</param>
    [Function(nameof(InterruptRecurringCycle))]
    public async Task<bool> RunAsync([ActivityTrigger] CycleInterruption interruption, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interruption);
        ArgumentNullException.ThrowIfNull(durable);
        RaiseEventResult raised = await durable.RaiseEventIfRunningAsync(interruption.CycleInstanceId, RecurringEventNames.CycleInterrupt, interruption.Control, cancellationToken);
        if (raised != RaiseEventResult.Raised)
        {
            MerchantSeriesLog.CycleNotInterrupted(logger, interruption.CycleInstanceId, raised);
        }

        return raised == RaiseEventResult.Raised;
    }
}
