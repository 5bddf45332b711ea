using Microsoft.DurableTask;
using SmartRetry.Functions.Shared.Durable;

namespace SmartRetry.Functions.Shared.Series;

/// <summary>The first step of every series workflow: <c>recurring_init</c> in an activity, with a key derived from the series id.</summary>
internal static class SeriesSetupStep
{
    public const string InitStep = "recurring-init";

    public static Task<InitRecurringResult> RunAsync(
        TaskOrchestrationContext context, string seriesId, SeriesManagement managedBy, decimal amount, string currency, SeriesSchedule? schedule, SeriesSetup setup) =>
        context.CallActivityAsync<InitRecurringResult>(
            nameof(InitRecurring),
            new InitRecurringRequest(seriesId, IdempotencyKeys.Derive(seriesId, InitStep), amount, currency, managedBy, schedule, setup.Payer) { Card = setup.Card },
            ActivityOptions.SmartRetryOutage);
}
