namespace SmartRetry.Payments.Sales;

/// <summary>
/// The Durable function name of the sale workflow. Each activity carries its own name (<c>SubmitSaleActivity.Name</c>,
/// and the shared steps' <c>GetTransactionStatusActivity.Name</c> and <c>RecordPaymentActivity.Name</c>).
/// </summary>
public static class SaleWorkflowNames
{
    public const string Workflow = "SaleWorkflow";
}
