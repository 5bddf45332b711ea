namespace SmartRetry.Payments.Refunds;

/// <summary>
/// The Durable function name of the refund workflow. Each activity carries its own name (<c>SubmitRefundActivity.Name</c>,
/// <c>ReleaseRefundActivity.Name</c>, and the shared steps a sale uses too).
/// </summary>
public static class RefundWorkflowNames
{
    public const string Workflow = "RefundWorkflow";
}
