using Microsoft.Azure.Functions.Worker;
using SmartRetry.Functions.Shared.Gateway;
using SmartRetry.Functions.Shared.Ledger;

namespace SmartRetry.Functions.Shared.Tracking;

/// <summary>The steps every payment workflow shares (sale, refund, recurring charge): the status poll and the ledger write.</summary>
public sealed class PaymentStepFunctions(GetTransactionStatus getStatus, RecordPayment record)
{
    [Function(nameof(GetTransactionStatus))]
    public Task<TransactionSnapshot> GetTransactionStatus([ActivityTrigger] string transactionId, CancellationToken cancellationToken)
        => getStatus.RunAsync(transactionId, cancellationToken);

    [Function(nameof(RecordPayment))]
    public Task<bool> RecordPayment([ActivityTrigger] PaymentLedgerEntry entry, CancellationToken cancellationToken)
        => record.RunAsync(entry, cancellationToken);
}
