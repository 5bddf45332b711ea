using SmartRetry.Payments.Ledger;
using SmartRetry.Payments.Workflows.Tracking;

namespace SmartRetry.Payments.Sales;

/// <summary>
/// Names under which the host registers the sale workflow and its own activity (Durable function names). Its status
/// polls and ledger writes are the shared steps <see cref="Workflows.Tracking.GetTransactionStatusActivity"/> and
/// <see cref="Ledger.RecordPaymentActivity"/>.
/// </summary>
public static class SaleWorkflowNames
{
    public const string Workflow = "SaleWorkflow";

    public const string SubmitSaleActivity = "SubmitSale";
}
