using SmartRetry.Payments.Ledger;

namespace SmartRetry.Payments.Sales.Activities;

/// <summary>Writes the sale's state to the ledger. The ledger ignores repeats and stale states, so retries and replays are harmless.</summary>
public sealed class RecordSaleActivity(IPaymentLedger ledger)
{
    public Task<bool> RunAsync(PaymentLedgerEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return ledger.RecordAsync(entry, cancellationToken);
    }
}
