using Microsoft.Azure.Functions.Worker;
using SmartRetry.Payments.Gateway;
using SmartRetry.Payments.Ledger;
using SmartRetry.Payments.Workflows.Tracking;

namespace SmartRetry.Functions.Workflows;

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
