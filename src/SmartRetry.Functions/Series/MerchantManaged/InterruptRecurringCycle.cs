using Microsoft.Extensions.Logging;
using SmartRetry.Functions.Shared.Durable;
using SmartRetry.Functions.Shared.Events;

namespace SmartRetry.Functions.Series.MerchantManaged;

/// <summary>Raises the interrupt into a running charge cycle. A cycle that already finished needs no interrupt; returns whether it was raised.</summary>
public sealed class InterruptRecurringCycle(ILogger<InterruptRecurringCycle> logger)
{
    /// <param name="workflows">The invocation's workflow client (the host binds one per call).</param>
    public async Task<bool> RunAsync(CycleInterruption interruption, IWorkflowClient workflows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interruption);
        ArgumentNullException.ThrowIfNull(workflows);
        RaiseEventResult raised = await workflows.RaiseEventAsync(interruption.CycleInstanceId, RecurringEventNames.CycleInterrupt, interruption.Control, cancellationToken);
        if (raised != RaiseEventResult.Raised)
        {
            MerchantSeriesLog.CycleNotInterrupted(logger, interruption.CycleInstanceId, raised);
        }

        return raised == RaiseEventResult.Raised;
    }
}
