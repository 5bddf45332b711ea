using System.Globalization;
using Microsoft.Azure.Functions.Worker;
using SmartRetry.Functions.Shared.Ledger;

namespace SmartRetry.Functions.Series.PlatformManaged;

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
