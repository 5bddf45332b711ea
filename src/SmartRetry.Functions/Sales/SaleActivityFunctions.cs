using Microsoft.Azure.Functions.Worker;
using SmartRetry.Functions.Sales.Activities;
using SmartRetry.Functions.Shared.Gateway;
using SmartRetry.Functions.Shared.Tracking;

namespace SmartRetry.Functions.Sales;

/// <summary>The sale workflow's own activity; its status polls and ledger writes are <see cref="PaymentStepFunctions"/>.</summary>
public sealed class SaleActivityFunctions(SubmitSale submit)
{
    [Function(nameof(SubmitSale))]
    public Task<PaymentSubmissionResult> SubmitSale([ActivityTrigger] SaleSubmission sale, CancellationToken cancellationToken)
        => submit.RunAsync(sale, cancellationToken);
}
