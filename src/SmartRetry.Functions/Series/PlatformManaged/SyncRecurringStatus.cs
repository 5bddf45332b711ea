using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using SmartRetry.Functions.Shared.Correlation;
using SmartRetry.Functions.Shared.Durable;
using SmartRetry.Functions.Shared.Ledger;
using SmartRetry.Functions.Shared.Series;

namespace SmartRetry.Functions.Series.PlatformManaged;

/// <summary>
/// Reads a followed series from SmartRetry's status endpoint, records every completed charge (the ledger ignores ones
/// already recorded) and starts a watch for each upcoming future transaction that has none yet.
/// </summary>
public sealed class SyncRecurringStatus(
    ISmartRetryRecurringGateway recurring, IPaymentLedger ledger, ICorrelationStore correlations, TimeProvider time)
{
    /// <param name="durable">The invocation's Durable client (the host binds one per call).</param>
    [Function(nameof(SyncRecurringStatus))]
    public async Task<SyncResult> RunAsync([ActivityTrigger] SyncRequest request, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(durable);
        RecurringSnapshot snapshot = await recurring.GetRecurringAsync(request.RecurringId, cancellationToken);
        DateTimeOffset now = time.GetUtcNow();

        int recorded = 0;
        foreach (RecurringChargeRecord charge in snapshot.CompletedTransactions)
        {
            var entry = new PaymentLedgerEntry(
                PlatformRecurringSeriesWorkflow.ChargePaymentId(request.SeriesId, charge.TransactionId),
                request.SeriesId,
                PaymentKind.RecurringCharge,
                charge.Amount,
                charge.Currency,
                charge.Accepted ? PaymentStatus.Approved : PaymentStatus.Declined,
                now,
                charge.TransactionId,
                charge.OrderId,
                Note: "From SmartRetry's recurring status.");
            if (await ledger.RecordAsync(entry, cancellationToken))
            {
                recorded++;
            }
        }

        int started = 0;
        foreach (FutureTransactionSnapshot future in snapshot.FutureTransactions.Where(f => f.Status is FutureTransactionStatus.Pending or FutureTransactionStatus.Processing))
        {
            await correlations.AddAsync(CorrelationKind.FutureTransaction, future.FutureTransactionId, request.SeriesId, cancellationToken);
            string watchId = FutureTransactionWatchWorkflow.InstanceId(request.SeriesId, future.FutureTransactionId);
            // Durable replaces a finished instance that is scheduled again, so an existing watch is left alone.
            if (await durable.GetInstanceStateAsync(watchId, cancellationToken) is not null)
            {
                continue;
            }

            var input = new FutureTransactionWatchInput(request.SeriesId, request.RecurringId, future.FutureTransactionId, future.ScheduledDate, request.MissedChargeGrace);
            if (await durable.ScheduleNewUnlessRunningAsync(nameof(FutureTransactionWatchWorkflow), watchId, input, cancellationToken))
            {
                started++;
            }
        }

        return new SyncResult(snapshot.Status, recorded, started);
    }
}
