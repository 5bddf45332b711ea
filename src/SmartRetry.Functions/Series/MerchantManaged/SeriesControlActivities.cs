using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using SmartRetry.Functions.Shared.Durable;
using SmartRetry.Functions.Shared.Events;
using SmartRetry.Functions.Shared.Gateway;
using SmartRetry.Functions.Shared.Series;

namespace SmartRetry.Functions.Series.MerchantManaged;

/// <summary>Cancels a series at SmartRetry. Already cancelled counts as done, so a repeat is harmless.</summary>
public sealed class CancelRecurring(ISmartRetryRecurringGateway recurring)
{
    [Function(nameof(CancelRecurring))]
    public async Task<bool> RunAsync([ActivityTrigger] CancelRecurringRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return await recurring.CancelRecurringAsync(request.IdempotencyKey, request.RecurringId, cancellationToken);
        }
        catch (SmartRetryRejectedException rejected) when (rejected.ReasonCode == "RECURRING_ALREADY_CANCELLED")
        {
            return true;
        }
    }
}

/// <summary>Sets a series' default amount at SmartRetry (a PUT: repeating it with the same amount is harmless).</summary>
public sealed class UpdateRecurringAmount(ISmartRetryRecurringGateway recurring)
{
    [Function(nameof(UpdateRecurringAmount))]
    public Task<bool> RunAsync([ActivityTrigger] RecurringUpdate update, CancellationToken cancellationToken) => recurring.UpdateRecurringAsync(update, cancellationToken);
}

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
