using System.Globalization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using SmartRetry.Functions.Shared.Correlation;
using SmartRetry.Functions.Shared.Durable;
using SmartRetry.Functions.Shared.Ledger;
using SmartRetry.Functions.Shared.Series;

namespace SmartRetry.Functions.Series.PlatformManaged;

public sealed class GetFutureTransaction(ISmartRetryRecurringGateway recurring)
{
    [Function(nameof(GetFutureTransaction))]
    public Task<FutureTransactionSnapshot> RunAsync([ActivityTrigger] string futureTransactionId, CancellationToken cancellationToken) =>
        recurring.GetFutureTransactionAsync(futureTransactionId, cancellationToken);
}

/// <summary>Writes a future transaction's check to the ledger; a missed one is marked as needing attention.</summary>
public sealed class RecordFutureTransaction(IPaymentLedger ledger)
{
    [Function(nameof(RecordFutureTransaction))]
    public Task RunAsync([ActivityTrigger] FutureTransactionRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        (PaymentStatus status, string note) = record.Check switch
        {
            FutureTransactionCheck.Ran => (PaymentStatus.Submitted, $"Ran as transaction {record.ExecutedTransactionId}; its outcome is recorded under that transaction."),
            FutureTransactionCheck.Failed => (PaymentStatus.Declined, "Failed after SmartRetry's retries."),
            FutureTransactionCheck.Cancelled => (PaymentStatus.Cancelled, "Skipped before running."),
            _ => (PaymentStatus.NeedsAttention, string.Create(CultureInfo.InvariantCulture, $"MISSED: scheduled for {record.ScheduledDate:yyyy-MM-dd}, not run by {record.CheckedAtUtc:O}.")),
        };
        return ledger.RecordAsync(
            new PaymentLedgerEntry(
                $"{record.SeriesId}-f{record.FutureTransactionId}",
                record.SeriesId,
                PaymentKind.RecurringCharge,
                record.Amount,
                record.Currency,
                status,
                new DateTimeOffset(record.CheckedAtUtc, TimeSpan.Zero),
                record.ExecutedTransactionId,
                Note: note),
            cancellationToken);
    }
}

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
