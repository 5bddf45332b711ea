using Microsoft.Azure.Functions.Worker;
using SmartRetry.Functions.Shared.Gateway;
using SmartRetry.Functions.Shared.Ledger;

namespace SmartRetry.Functions.Shared.Series;

/// <summary>Writes one recurring charge attempt to the payments ledger (idempotent: the ledger ignores repeats and stale statuses).</summary>
public sealed class RecordRecurringCharge(IPaymentLedger ledger)
{
    [Function(nameof(RecordRecurringCharge))]
    public Task RunAsync([ActivityTrigger] ChargeRecord charge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(charge);
        return ledger.RecordAsync(
            new PaymentLedgerEntry(
                charge.PaymentId,
                charge.SeriesId,
                PaymentKind.RecurringCharge,
                charge.Amount,
                charge.Currency,
                ToPaymentStatus(charge.Status),
                new DateTimeOffset(charge.AtUtc, TimeSpan.Zero),
                charge.TransactionId,
                ReasonCode: charge.ReasonCode,
                AttemptNumber: charge.AttemptNumber,
                Note: charge.Note,
                ScheduledAt: charge.DueAtUtc is { } due ? new DateTimeOffset(due, TimeSpan.Zero) : null),
            cancellationToken);
    }

    private static PaymentStatus ToPaymentStatus(SmartRetryStatus status) => status switch
    {
        SmartRetryStatus.Approved => PaymentStatus.Approved,
        SmartRetryStatus.Declined => PaymentStatus.Declined,
        SmartRetryStatus.Cancelled => PaymentStatus.Cancelled,
        SmartRetryStatus.Error => PaymentStatus.Error,
        SmartRetryStatus.Processing => PaymentStatus.DeadlineReached,
        _ => PaymentStatus.NeedsAttention,
    };
}

/// <summary>Writes a series orchestration's progress to the series record.</summary>
public sealed class RecordRecurringSeriesChange(IRecurringSeriesStore series)
{
    [Function(nameof(RecordRecurringSeriesChange))]
    public async Task RunAsync([ActivityTrigger] SeriesChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        _ = await series.UpdateAsync(change.SeriesId, current => current.Apply(change), cancellationToken)
            ?? throw new InvalidOperationException($"Recurring series {change.SeriesId} has no record.");
    }
}
