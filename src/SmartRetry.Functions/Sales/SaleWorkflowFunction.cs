using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace SmartRetry.Functions.Sales;

/// <summary>The sale orchestration: Payments' <see cref="SaleWorkflow"/> on the Durable context.</summary>
public static class SaleWorkflowFunction
{
    [Function(nameof(SaleWorkflow))]
    public static Task<SaleOutcome> Run([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return SaleWorkflow.RunAsync(context, context.GetInput<SaleWorkflowInput>()!);
    }
}
