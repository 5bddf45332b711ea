using SmartRetry.Payments.Sales;

namespace SmartRetry.Payments.Refunds;

/// <summary>
/// Names under which the host registers the refund workflow and its activities (Durable function names). Reading a
/// transaction's status and writing a ledger entry are the same for a refund as for a sale, so the refund workflow
/// calls the sale's activities for those.
/// </summary>
public static class RefundWorkflowNames
{
    public const string Workflow = "RefundWorkflow";

    public const string SubmitRefundActivity = "SubmitRefund";

    public const string ReleaseRefundActivity = "ReleaseRefundReservation";

    public const string GetStatusActivity = SaleWorkflowNames.GetSaleStatusActivity;

    public const string RecordActivity = SaleWorkflowNames.RecordSaleActivity;
}
