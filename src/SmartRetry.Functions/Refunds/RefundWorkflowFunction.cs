using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace SmartRetry.Functions.Refunds;

/// <summary>The refund orchestration: Payments' <see cref="RefundWorkflow"/> on the Durable context.</summary>
public static class RefundWorkflowFunction
{
    [Function(nameof(RefundWorkflow))]
    public static Task<RefundOutcome> Run([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return RefundWorkflow.RunAsync(context, context.GetInput<RefundWorkflowInput>()!);
    }
}
