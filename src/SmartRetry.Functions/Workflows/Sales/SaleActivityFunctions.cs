using Microsoft.Azure.Functions.Worker;
using SmartRetry.Payments.Gateway;
using SmartRetry.Payments.Sales.Activities;

namespace SmartRetry.Functions.Workflows.Sales;

/// <summary>The sale workflow's own activity; its status polls and ledger writes are <see cref="PaymentStepFunctions"/>.</summary>
public sealed class SaleActivityFunctions(SubmitSale submit)
{
    [Function(nameof(SubmitSale))]
    public Task<PaymentSubmissionResult> SubmitSale([ActivityTrigger] SaleSubmission sale, CancellationToken cancellationToken)
        => submit.RunAsync(sale, cancellationToken);
}
