using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using SmartRetry.Functions.Durable;
using SmartRetry.Payments.Recurring;
using SmartRetry.Payments.Recurring.FutureTransactions;
using SmartRetry.Payments.Recurring.Merchant;
using SmartRetry.Payments.Recurring.Platform;

namespace SmartRetry.Functions.Workflows.Recurring;

/// <summary>The recurring orchestrations: each runs its Payments workflow on the Durable context.</summary>
public static class RecurringWorkflowFunctions
{
    [Function(RecurringWorkflowNames.MerchantSeries)]
    public static Task<MerchantSeriesResult> MerchantSeries([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return MerchantSeriesWorkflow.RunAsync(new DurableWorkflowContext(context), context.GetInput<MerchantSeriesState>()!);
    }

    [Function(RecurringWorkflowNames.ChargeCycle)]
    public static Task<ChargeCycleResult> ChargeCycle([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ChargeCycleWorkflow.RunAsync(new DurableWorkflowContext(context), context.GetInput<ChargeCycleInput>()!);
    }

    [Function(RecurringWorkflowNames.PlatformSeries)]
    public static Task<PlatformSeriesResult> PlatformSeries([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return PlatformSeriesWorkflow.RunAsync(new DurableWorkflowContext(context), context.GetInput<PlatformSeriesState>()!);
    }

    [Function(RecurringWorkflowNames.FutureTransactionWatch)]
    public static Task<FutureTransactionCheck?> FutureTransactionWatch([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return FutureTransactionWatchWorkflow.RunAsync(new DurableWorkflowContext(context), context.GetInput<FutureTransactionWatchInput>()!);
    }
}
