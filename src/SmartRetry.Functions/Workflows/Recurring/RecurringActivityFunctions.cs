using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using SmartRetry.Functions.Durable;
using SmartRetry.Payments.Recurring.Activities;
using SmartRetry.Payments.Recurring.FutureTransactions;
using SmartRetry.Payments.Recurring.Gateway;
using SmartRetry.Payments.Recurring.Platform;

namespace SmartRetry.Functions.Workflows.Recurring;

/// <summary>
/// The recurring workflows' activities, each delegating to its Payments activity. The two that drive other workflow
/// instances (interrupting a charge cycle, starting future-transaction watches) are built per invocation around the
/// bound Durable client.
/// </summary>
public sealed class RecurringActivityFunctions(
    InitRecurringActivity init,
    ChargeRecurringActivity charge,
    CancelRecurringActivity cancel,
    UpdateRecurringAmountActivity updateAmount,
    RecordSeriesChangeActivity recordSeriesChange,
    RecordChargeActivity recordCharge,
    GetFutureTransactionActivity getFutureTransaction,
    RecordFutureTransactionActivity recordFutureTransaction,
    ReserveCardAttemptActivity reserveCardAttempt,
    ReleaseCardAttemptActivity releaseCardAttempt,
    WorkflowBoundFactory<InterruptCycleActivity> interruptCycle,
    WorkflowBoundFactory<SyncRecurringActivity> sync,
    IWorkflowClientFactory workflowClients)
{
    [Function(InitRecurringActivity.Name)]
    public Task<InitRecurringResult> InitRecurring([ActivityTrigger] InitRecurringRequest request, CancellationToken cancellationToken)
        => init.RunAsync(request, cancellationToken);

    [Function(ChargeRecurringActivity.Name)]
    public Task<ChargeAttemptResult> ChargeRecurring([ActivityTrigger] ChargeRecurringRequest request, CancellationToken cancellationToken)
        => charge.RunAsync(request, cancellationToken);

    [Function(CancelRecurringActivity.Name)]
    public Task<bool> CancelRecurring([ActivityTrigger] CancelRecurringRequest request, CancellationToken cancellationToken)
        => cancel.RunAsync(request, cancellationToken);

    [Function(UpdateRecurringAmountActivity.Name)]
    public Task<bool> UpdateRecurringAmount([ActivityTrigger] RecurringUpdate update, CancellationToken cancellationToken)
        => updateAmount.RunAsync(update, cancellationToken);

    [Function(RecordSeriesChangeActivity.Name)]
    public Task RecordSeriesChange([ActivityTrigger] SeriesChange change, CancellationToken cancellationToken)
        => recordSeriesChange.RunAsync(change, cancellationToken);

    [Function(RecordChargeActivity.Name)]
    public Task RecordCharge([ActivityTrigger] ChargeRecord record, CancellationToken cancellationToken)
        => recordCharge.RunAsync(record, cancellationToken);

    [Function(GetFutureTransactionActivity.Name)]
    public Task<FutureTransactionSnapshot> GetFutureTransaction([ActivityTrigger] string futureTransactionId, CancellationToken cancellationToken)
        => getFutureTransaction.RunAsync(futureTransactionId, cancellationToken);

    [Function(RecordFutureTransactionActivity.Name)]
    public Task RecordFutureTransaction([ActivityTrigger] FutureTransactionRecord record, CancellationToken cancellationToken)
        => recordFutureTransaction.RunAsync(record, cancellationToken);

    [Function(ReserveCardAttemptActivity.Name)]
    public Task<bool> ReserveCardAttempt([ActivityTrigger] CardAttemptReservation reservation, CancellationToken cancellationToken)
        => reserveCardAttempt.RunAsync(reservation, cancellationToken);

    [Function(ReleaseCardAttemptActivity.Name)]
    public Task ReleaseCardAttempt([ActivityTrigger] CardAttemptRelease release, CancellationToken cancellationToken)
        => releaseCardAttempt.RunAsync(release, cancellationToken);

    [Function(InterruptCycleActivity.Name)]
    public Task<bool> InterruptCycle([ActivityTrigger] CycleInterruption interruption, [DurableClient] DurableTaskClient durableClient, CancellationToken cancellationToken)
        => interruptCycle.Create(workflowClients.Create(durableClient)).RunAsync(interruption, cancellationToken);

    [Function(SyncRecurringActivity.Name)]
    public Task<SyncResult> SyncRecurringStatus([ActivityTrigger] SyncRequest request, [DurableClient] DurableTaskClient durableClient, CancellationToken cancellationToken)
        => sync.Create(workflowClients.Create(durableClient)).RunAsync(request, cancellationToken);
}
