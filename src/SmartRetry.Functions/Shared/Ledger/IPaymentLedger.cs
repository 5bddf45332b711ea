namespace SmartRetry.Functions.Shared.Ledger;

/// <summary>The payments ledger (Azure Tables). Writes are idempotent and never move a payment's status backwards.</summary>
public interface IPaymentLedger
{
    /// <summary>
    /// Inserts the entry, or updates it when its status is news (<see cref="PaymentStatusProgression.CanMoveTo"/>),
    /// under optimistic concurrency. Returns false when the write was ignored as stale or a repeat.
    /// </summary>
    Task<bool> RecordAsync(PaymentLedgerEntry entry, CancellationToken cancellationToken);

    Task<PaymentLedgerEntry?> GetAsync(string paymentId, CancellationToken cancellationToken);
}
