using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using SmartRetry.Functions.Series.MerchantManaged;
using SmartRetry.Functions.Series.PlatformManaged;
using SmartRetry.Functions.Shared.Durable;
using SmartRetry.Functions.Shared.Series;

namespace SmartRetry.Functions.Series;

/// <summary>
/// The recurring workflows' activities, each delegating to its Payments step. The two that drive other workflow
/// instances (interrupting a charge cycle, starting future-transaction watches) get the invocation's bound Durable client
/// per call, as the request handlers do.
/// </summary>
public sealed class RecurringActivityFunctions(
    InitRecurring init,
    ChargeRecurring charge,
    CancelRecurring cancel,
    UpdateRecurringAmount updateAmount,
    RecordRecurringSeriesChange recordSeriesChange,
    RecordRecurringCharge recordCharge,
    GetFutureTransaction getFutureTransaction,
    RecordFutureTransaction recordFutureTransaction,
    ReserveCardAttempt reserveCardAttempt,
    ReleaseCardAttempt releaseCardAttempt,
    InterruptRecurringCycle interruptCycle,
    SyncRecurringStatus sync,
    IWorkflowClientFactory workflowClients)
{
    [Function(nameof(InitRecurring))]
    public Task<InitRecurringResult> InitRecurring([ActivityTrigger] InitRecurringRequest request, CancellationToken cancellationToken)
        => init.RunAsync(request, cancellationToken);

    [Function(nameof(ChargeRecurring))]
    public Task<ChargeAttemptResult> ChargeRecurring([ActivityTrigger] ChargeRecurringRequest request, CancellationToken cancellationToken)
        => charge.RunAsync(request, cancellationToken);

    [Function(nameof(CancelRecurring))]
    public Task<bool> CancelRecurring([ActivityTrigger] CancelRecurringRequest request, CancellationToken cancellationToken)
        => cancel.RunAsync(request, cancellationToken);

    [Function(nameof(UpdateRecurringAmount))]
    public Task<bool> UpdateRecurringAmount([ActivityTrigger] RecurringUpdate update, CancellationToken cancellationToken)
        => updateAmount.RunAsync(update, cancellationToken);

    [Function(nameof(RecordRecurringSeriesChange))]
    public Task RecordSeriesChange([ActivityTrigger] SeriesChange change, CancellationToken cancellationToken)
        => recordSeriesChange.RunAsync(change, cancellationToken);

    [Function(nameof(RecordRecurringCharge))]
    public Task RecordCharge([ActivityTrigger] ChargeRecord record, CancellationToken cancellationToken)
        => recordCharge.RunAsync(record, cancellationToken);

    [Function(nameof(GetFutureTransaction))]
    public Task<FutureTransactionSnapshot> GetFutureTransaction([ActivityTrigger] string futureTransactionId, CancellationToken cancellationToken)
        => getFutureTransaction.RunAsync(futureTransactionId, cancellationToken);

    [Function(nameof(RecordFutureTransaction))]
    public Task RecordFutureTransaction([ActivityTrigger] FutureTransactionRecord record, CancellationToken cancellationToken)
        => recordFutureTransaction.RunAsync(record, cancellationToken);

    [Function(nameof(ReserveCardAttempt))]
    public Task<bool> ReserveCardAttempt([ActivityTrigger] CardAttemptReservation reservation, CancellationToken cancellationToken)
        => reserveCardAttempt.RunAsync(reservation, cancellationToken);

    [Function(nameof(ReleaseCardAttempt))]
    public Task ReleaseCardAttempt([ActivityTrigger] CardAttemptRelease release, CancellationToken cancellationToken)
        => releaseCardAttempt.RunAsync(release, cancellationToken);

    [Function(nameof(InterruptRecurringCycle))]
    public Task<bool> InterruptCycle([ActivityTrigger] CycleInterruption interruption, [DurableClient] DurableTaskClient durableClient, CancellationToken cancellationToken)
        => interruptCycle.RunAsync(interruption, workflowClients.Create(durableClient), cancellationToken);

    [Function(nameof(SyncRecurringStatus))]
    public Task<SyncResult> SyncRecurringStatus([ActivityTrigger] SyncRequest request, [DurableClient] DurableTaskClient durableClient, CancellationToken cancellationToken)
        => sync.RunAsync(request, workflowClients.Create(durableClient), cancellationToken);
}
