using SmartRetry.Payments.Workflows;
using SmartRetry.Payments.Workflows.Events;

namespace SmartRetry.Payments.Recurring.Activities;

/// <summary>Raises the interrupt into a running charge cycle. A cycle that already finished needs no interrupt; returns whether it was raised.</summary>
public sealed class InterruptRecurringCycle(IWorkflowClient workflows)
{
    public async Task<bool> RunAsync(CycleInterruption interruption, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interruption);
        RaiseEventResult raised = await workflows.RaiseEventAsync(interruption.CycleInstanceId, RecurringEventNames.CycleInterrupt, interruption.Control, cancellationToken);
        return raised == RaiseEventResult.Raised;
    }
}
