using Microsoft.Azure.Functions.Worker;

namespace SmartRetry.Functions.Shared.Ledger;

/// <summary>
/// Writes a payment's state (a sale's, a refund's) to the ledger. The ledger ignores repeats and stale states, so retries
/// and replays are harmless.
/// </summary>
public sealed class RecordPayment(IPaymentLedger ledger)
{
    [Function(nameof(RecordPayment))]
    public Task<bool> RunAsync([ActivityTrigger] PaymentLedgerEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return ledger.RecordAsync(entry, cancellationToken);
    }
}
