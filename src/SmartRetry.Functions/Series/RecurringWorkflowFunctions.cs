using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using SmartRetry.Functions.Series.MerchantManaged;
using SmartRetry.Functions.Series.PlatformManaged;
using SmartRetry.Functions.Shared.Series;

namespace SmartRetry.Functions.Series;

/// <summary>The recurring orchestrations: each runs its Payments workflow on the Durable context.</summary>
public static class RecurringWorkflowFunctions
{
    [Function(nameof(MerchantRecurringSeriesWorkflow))]
    public static Task<MerchantSeriesResult> MerchantSeries([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return MerchantRecurringSeriesWorkflow.RunAsync(context, context.GetInput<MerchantSeriesState>()!);
    }

    [Function(nameof(RecurringChargeCycleWorkflow))]
    public static Task<ChargeCycleResult> ChargeCycle([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return RecurringChargeCycleWorkflow.RunAsync(context, context.GetInput<ChargeCycleInput>()!);
    }

    [Function(nameof(PlatformRecurringSeriesWorkflow))]
    public static Task<PlatformSeriesResult> PlatformSeries([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return PlatformRecurringSeriesWorkflow.RunAsync(context, context.GetInput<PlatformSeriesState>()!);
    }

    [Function(nameof(FutureTransactionWatchWorkflow))]
    public static Task<FutureTransactionCheck?> FutureTransactionWatch([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return FutureTransactionWatchWorkflow.RunAsync(context, context.GetInput<FutureTransactionWatchInput>()!);
    }
}
