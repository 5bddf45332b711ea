using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using SmartRetry.Functions.Shared.Durable;
using SmartRetry.Functions.Shared.Events;
using SmartRetry.Functions.Shared.Gateway;
using SmartRetry.Functions.Shared.Series;

namespace SmartRetry.Functions.Series.PlatformManaged;

/// <summary>
/// Follows a series that SmartRetry (<c>our_platform</c>) or the payment provider schedules. Each generation waits for
/// a <c>recurring.*</c> / <c>future_transaction.*</c> webhook or the periodic sync timer, whichever comes first;
/// records what it learned; and continues as new. It ends when the series is completed or cancelled. Webhooks are
/// a hint, the status endpoint the truth: anything a webhook does not fully describe triggers a sync.
/// </summary>
public static class PlatformRecurringSeriesWorkflow
{
    [Function(nameof(PlatformRecurringSeriesWorkflow))]
    public static async Task<PlatformSeriesResult> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        PlatformSeriesState state = context.GetInput<PlatformSeriesState>() ?? throw new InvalidOperationException("PlatformRecurringSeriesWorkflow needs its input.");
        ILogger logger = context.CreateReplaySafeLogger(typeof(PlatformRecurringSeriesWorkflow).FullName!);
        if (state.Setup is { } setup)
        {
            InitRecurringResult init = await InitRecurring.CallAsync(context, state.SeriesId, state.ManagedBy, state.Amount, state.Currency, state.Schedule, setup);
            return init.Accepted
                ? Continue(context, state with { Setup = null, RecurringId = init.RecurringId })
                : new PlatformSeriesResult(state.SeriesId, init.TransactionId is null && init.ReasonCode is not null ? RecurringSeriesStatus.Refused : RecurringSeriesStatus.Cancelled);
        }

        var webhooks = new ExternalEventInbox<RecurringEvent>(context, RecurringEventNames.Recurring);
        context.SetCustomStatus(new { state.ManagedBy, state.RecurringId, state.Generation, nextSyncAt = context.CurrentUtcDateTime + state.SyncInterval });

        // A webhook that arrived as the previous generation ended (see ExternalEventInbox) comes first.
        RecurringEvent? received = state.CarriedEvent;
        state = state with { CarriedEvent = null };
        if (received is null)
        {
            using var timerCancellation = new CancellationTokenSource();
            Task syncTimer = context.CreateTimer(context.CurrentUtcDateTime + state.SyncInterval, timerCancellation.Token);
            if (await Task.WhenAny(syncTimer, webhooks.Next) != syncTimer)
            {
                timerCancellation.Cancel();
                received = webhooks.Take();
            }
        }

        if (received is { Type: RecurringEvent.Charged or RecurringEvent.FutureExecuted, TransactionId: { } transactionId, Amount: { } amount, Currency: { } currency, Accepted: { } accepted })
        {
            await context.CallActivityAsync(
                nameof(RecordRecurringCharge),
                new ChargeRecord(ChargePaymentId(state.SeriesId, transactionId), state.SeriesId, amount, currency,
                    accepted ? SmartRetryStatus.Approved : SmartRetryStatus.Declined, context.CurrentUtcDateTime, transactionId, Note: $"From webhook {received.EventId}."),
                ActivityOptions.Storage);
            return Continue(context, state, webhooks);
        }

        // The timer, an end-of-series event, or an event without the details: SmartRetry's status says what is true.
        SyncResult sync = await context.CallActivityAsync<SyncResult>(
            nameof(SyncRecurringStatus), new SyncRequest(state.SeriesId, state.RecurringId!, state.MissedChargeGrace), ActivityOptions.SmartRetryOutage);
        if (sync.Status is RecurringSeriesStatus.Completed or RecurringSeriesStatus.Cancelled)
        {
            await context.CallActivityAsync(
                nameof(RecordRecurringSeriesChange),
                new SeriesChange(state.SeriesId, context.CurrentUtcDateTime, sync.Status, Note: $"SmartRetry reports the series {sync.Status.ToString().ToLowerInvariant()}."),
                ActivityOptions.Storage);
            RecurringLog.SeriesEnded(logger, state.SeriesId, sync.Status, "followed to its end");
            return new PlatformSeriesResult(state.SeriesId, sync.Status);
        }

        return Continue(context, state, webhooks);
    }

    /// <summary>The ledger id of a followed series' charge: the same from a webhook and from a sync, so each charge is recorded once.</summary>
    public static string ChargePaymentId(string seriesId, string transactionId) => $"{seriesId}-t{transactionId}";

    private static PlatformSeriesResult Continue(TaskOrchestrationContext context, PlatformSeriesState state, ExternalEventInbox<RecurringEvent>? webhooks = null)
    {
        context.ContinueAsNew(state with { Generation = state.Generation + 1, CarriedEvent = webhooks?.TakeArrivedBeforeContinuing() }, preserveUnprocessedEvents: true);
        return new PlatformSeriesResult(state.SeriesId, RecurringSeriesStatus.Active);
    }
}
