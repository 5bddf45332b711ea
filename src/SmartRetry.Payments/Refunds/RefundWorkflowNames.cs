using SmartRetry.Payments.Ledger;
using SmartRetry.Payments.Workflows.Tracking;

namespace SmartRetry.Payments.Refunds;

/// <summary>
/// Names under which the host registers the refund workflow and its own activities (Durable function names). Its status
/// polls and ledger writes are the shared steps <see cref="Workflows.Tracking.GetTransactionStatusActivity"/> and
/// <see cref="Ledger.RecordPaymentActivity"/>, as a sale's are.
/// </summary>
public static class RefundWorkflowNames
{
    public const string Workflow = "RefundWorkflow";

    public const string SubmitRefundActivity = "SubmitRefund";

    public const string ReleaseRefundActivity = "ReleaseRefundReservation";
}
