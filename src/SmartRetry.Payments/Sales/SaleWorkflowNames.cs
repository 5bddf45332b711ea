namespace SmartRetry.Payments.Sales;

/// <summary>Names under which the host registers the sale workflow and its activities (Durable function names).</summary>
public static class SaleWorkflowNames
{
    public const string Workflow = "SaleWorkflow";
}
