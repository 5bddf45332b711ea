using Microsoft.Azure.Functions.Worker;
using SmartRetry.Payments.Gateway;
using SmartRetry.Payments.Ledger;
using SmartRetry.Payments.Sales;
using SmartRetry.Payments.Sales.Activities;

namespace SmartRetry.Functions.Workflows.Sales;

/// <summary>The sale workflow's activities, each delegating to its Payments activity.</summary>
public sealed class SaleActivityFunctions(SubmitSaleActivity submit, GetSaleStatusActivity getStatus, RecordSaleActivity record)
{
    [Function(SaleWorkflowNames.SubmitSaleActivity)]
    public Task<PaymentSubmissionResult> SubmitSale([ActivityTrigger] SubmitSaleRequest request, CancellationToken cancellationToken)
        => submit.RunAsync(request, cancellationToken);

    [Function(SaleWorkflowNames.GetSaleStatusActivity)]
    public Task<TransactionSnapshot> GetSaleStatus([ActivityTrigger] string transactionId, CancellationToken cancellationToken)
        => getStatus.RunAsync(transactionId, cancellationToken);

    [Function(SaleWorkflowNames.RecordSaleActivity)]
    public Task<bool> RecordSale([ActivityTrigger] PaymentLedgerEntry entry, CancellationToken cancellationToken)
        => record.RunAsync(entry, cancellationToken);
}
