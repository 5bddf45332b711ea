using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using SmartRetry.Functions.Shared.Declines;
using SmartRetry.Functions.Shared.Durable;
using SmartRetry.Functions.Shared.Events;
using SmartRetry.Functions.Shared.Series;
using SmartRetry.Functions.Shared.Tracking;

namespace SmartRetry.Functions.Series.MerchantManaged;

/// <summary>
/// The eternal workflow of a <c>managed_by: merchant</c> series. Each generation does one thing and continues as new
/// with compact state, so history stays bounded however long the series runs: wait on a durable timer for the next
/// occurrence (pause / resume / cancel / amount update can interrupt it), or run that occurrence's charge cycle as a
/// sub-workflow and record it. Occurrences that fall due while the series is paused are skipped, not charged later.
/// A hard or do-not-retry decline never lets the same card be charged again automatically: by default the series
/// pauses, flagged as needing a new payment method, until the merchant resumes it (<see cref="HardDeclineAction"/>).
/// Due dates are schedule time; under a <see cref="ScheduleTimeScale"/> (local demos) only the timers and the cycles'
/// outcome tracking are compressed.
/// </summary>
public static class MerchantRecurringSeriesWorkflow
{
    /// <summary>The idempotency step of cancelling the series at SmartRetry: once per series, however often it is asked.</summary>
    public const string CancelStep = "recurring-cancel";

    [Function(nameof(MerchantRecurringSeriesWorkflow))]
    public static async Task<MerchantSeriesResult> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        MerchantSeriesState state = context.GetInput<MerchantSeriesState>() ?? throw new InvalidOperationException("MerchantRecurringSeriesWorkflow needs its input.");
        ILogger logger = context.CreateReplaySafeLogger(typeof(MerchantRecurringSeriesWorkflow).FullName!);
        if (state.Setup is { } setup)
        {
            InitRecurringResult init = await SeriesSetupStep.RunAsync(context, state.SeriesId, SeriesManagement.Merchant, state.Amount, state.Currency, state.Schedule, setup);
            if (!init.Accepted)
            {
                // A reason code without a transaction: SmartRetry refused the request itself; otherwise the first payment was declined.
                bool refused = init.TransactionId is null && init.ReasonCode is not null;
                RecurringSeriesStatus ended = refused ? RecurringSeriesStatus.Refused : RecurringSeriesStatus.Cancelled;
                string why = refused ? $"SmartRetry refused to create the series ({init.ReasonCode})" : "the first payment was declined";
                context.SetCustomStatus(Status(state with { Status = ended }, null, null));
                RecurringLog.SeriesEnded(logger, state.SeriesId, ended, why);
                return new MerchantSeriesResult(state.SeriesId, ended, refused ? $"{why}; nothing was charged." : "The first payment was declined; the series was not created.");
            }

            // recurring_init charged the first occurrence; the card leaves the workflow's state here.
            return Continue(context, state with { Setup = null, RecurringId = init.RecurringId, NextSequence = Math.Max(state.NextSequence, 2) });
        }

        var controls = new ExternalEventInbox<SeriesControl>(context, RecurringEventNames.Control);
        if (state.CarriedControl is { } carried)
        {
            return await ApplyAsync(context, logger, state with { CarriedControl = null }, carried, controls);
        }

        if (state.Status == RecurringSeriesStatus.Paused)
        {
            context.SetCustomStatus(Status(state, null, null));
            await controls.Next;
            return await ApplyAsync(context, logger, state, controls.Take(), controls);
        }

        ScheduledOccurrence? due = NextOccurrence(state, context.ScheduleNow(state.TimeScale));
        if (due is null)
        {
            return await EndAsync(context, logger, state, RecurringSeriesStatus.Completed, "All scheduled occurrences have been processed.");
        }

        context.SetCustomStatus(Status(state with { NextSequence = due.Sequence }, due.DueAtUtc, null));
        using (var timerCancellation = new CancellationTokenSource())
        {
            Task dueTimer = context.CreateScheduleTimer(state.TimeScale, due.DueAtUtc, timerCancellation.Token);
            if (await Task.WhenAny(dueTimer, controls.Next) != dueTimer)
            {
                timerCancellation.Cancel();
                return await ApplyAsync(context, logger, state with { NextSequence = due.Sequence }, controls.Take(), controls);
            }
        }

        ScheduledOccurrence? following = ScheduleCalculator.Occurrence(state.Schedule, due.Sequence + 1);
        string cycleId = RecurringSeriesIds.CycleInstanceId(state.SeriesId, due.Sequence);
        context.SetCustomStatus(Status(state with { NextSequence = due.Sequence }, due.DueAtUtc, cycleId));
        Task<ChargeCycleResult> cycle = context.CallSubOrchestratorAsync<ChargeCycleResult>(
            nameof(RecurringChargeCycleWorkflow), new ChargeCycleInput(state.SeriesId, state.RecurringId!, due.Sequence, state.Amount, state.Currency, due.DueAtUtc, following?.DueAtUtc, state.Dunning, Tracking(state), state.CardWindow, state.CardFingerprint, state.TimeScale), new SubOrchestrationOptions(instanceId: cycleId));

        SeriesControl? arrivedDuringCycle = null;
        if (await Task.WhenAny(cycle, controls.Next) != cycle)
        {
            arrivedDuringCycle = controls.Take();
            if (arrivedDuringCycle.Command is SeriesCommand.Pause or SeriesCommand.Cancel)
            {
                await context.CallActivityAsync<bool>(nameof(InterruptRecurringCycle), new CycleInterruption(cycleId, arrivedDuringCycle), ActivityOptions.Storage);
            }
        }

        ChargeCycleResult result = await cycle;
        MerchantSeriesState next = state with { NextSequence = due.Sequence + 1, CardWindow = result.CardWindow };
        await RecordAsync(context, new SeriesChange(state.SeriesId, context.CurrentUtcDateTime, NextDueAtUtc: following?.DueAtUtc, Cycle: result));

        bool cancelRequested = arrivedDuringCycle?.Command == SeriesCommand.Cancel;
        if (!cancelRequested && IsCardRefused(result))
        {
            HardDeclineAction action = state.Dunning.OnHardDecline;
            MerchantSeriesLog.CardRefused(logger, state.SeriesId, due.Sequence, result.DeclineCategory, result.ReasonCode, action);
            string refusal = $"Occurrence {due.Sequence} was declined {result.DeclineCategory} ({result.ReasonCode ?? "no reason code"}): the card must not be charged again automatically";
            if (action == HardDeclineAction.CancelSeries)
            {
                return await CancelAsync(context, logger, next, $"{refusal}; the hard-decline policy cancels the series.");
            }

            if (action == HardDeclineAction.Pause)
            {
                next = next with { Status = RecurringSeriesStatus.Paused, NeedsPaymentMethod = true };
                await RecordAsync(context, new SeriesChange(state.SeriesId, context.CurrentUtcDateTime, RecurringSeriesStatus.Paused, Note: $"{refusal}; paused: needs a new payment method, then resume."));
            }
        }
        else if (!cancelRequested && result.Outcome is ChargeCycleOutcome.Declined or ChargeCycleOutcome.Skipped && state.Dunning.ExhaustedAction == DunningExhaustedAction.CancelSeries)
        {
            return await CancelAsync(context, logger, next, $"Occurrence {due.Sequence} stayed unpaid ({result.ReasonCode ?? result.Outcome.ToString()}); the dunning policy cancels the series.");
        }

        return arrivedDuringCycle is null ? Continue(context, next, controls) : await ApplyAsync(context, logger, next, arrivedDuringCycle, controls);
    }

    /// <summary>A hard or do-not-retry decline: another automatic charge of the same card would be refused again, or worse, succeed on a stolen card.</summary>
    private static bool IsCardRefused(ChargeCycleResult result) =>
        result.Outcome == ChargeCycleOutcome.Declined && result.DeclineCategory is DeclineCategory.Hard or DeclineCategory.DoNotRetry;

    /// <summary>
    /// The occurrence to charge next. One that is overdue (the previous cycle ran long) is still charged, unless a
    /// later one is also due by now: then only the latest is charged, so a late series never charges in a burst.
    /// </summary>
    private static ScheduledOccurrence? NextOccurrence(MerchantSeriesState state, DateTime nowUtc)
    {
        ScheduledOccurrence? due = ScheduleCalculator.Occurrence(state.Schedule, state.NextSequence);
        while (due is not null && ScheduleCalculator.Occurrence(state.Schedule, due.Sequence + 1) is { } later && later.DueAtUtc <= nowUtc)
        {
            due = later;
        }

        return due;
    }

    private static async Task<MerchantSeriesResult> ApplyAsync(
        TaskOrchestrationContext context, ILogger logger, MerchantSeriesState state, SeriesControl control, ExternalEventInbox<SeriesControl> controls)
    {
        DateTime now = context.CurrentUtcDateTime;
        MerchantSeriesState next = state;
        switch (control.Command)
        {
            case SeriesCommand.Cancel:
                return await CancelAsync(context, logger, state, $"Cancelled on request {control.RequestId}.");

            case SeriesCommand.Pause when state.Status == RecurringSeriesStatus.Active:
                next = state with { Status = RecurringSeriesStatus.Paused };
                await RecordAsync(context, new SeriesChange(state.SeriesId, now, RecurringSeriesStatus.Paused, Note: $"Paused on request {control.RequestId}."));
                break;

            case SeriesCommand.Resume when state.Status == RecurringSeriesStatus.Paused:
                // Occurrences that fell due while paused are skipped: resuming never charges for the paused time.
                ScheduledOccurrence? resumeAt = ScheduleCalculator.FirstDueAtOrAfter(state.Schedule, state.NextSequence, context.ScheduleNow(state.TimeScale));
                next = state with { Status = RecurringSeriesStatus.Active, NextSequence = resumeAt?.Sequence ?? int.MaxValue, NeedsPaymentMethod = false };
                await RecordAsync(context, new SeriesChange(state.SeriesId, now, RecurringSeriesStatus.Active, NextDueAtUtc: resumeAt?.DueAtUtc, Note: $"Resumed on request {control.RequestId}."));
                break;

            case SeriesCommand.UpdateAmount when control.Amount is { } amount && amount != state.Amount:
                next = state with { Amount = amount };
                try
                {
                    await context.CallActivityAsync<bool>(
                        nameof(UpdateRecurringAmount), new RecurringUpdate(state.RecurringId!, amount), ActivityOptions.SmartRetryOutage);
                }
                catch (TaskFailedException)
                {
                    // Every charge sends its amount explicitly, so SmartRetry's stale default cannot mis-charge; it is only reported.
                    RecurringLog.SmartRetryCallFailed(logger, state.SeriesId, "update the amount");
                }

                await RecordAsync(context, new SeriesChange(state.SeriesId, now, Amount: amount, Note: $"Amount updated on request {control.RequestId}."));
                break;

            default:
                // Repeats and impossible transitions (the HTTP side refuses them, but a duplicate may still arrive) change nothing.
                return Continue(context, state, controls);
        }

        MerchantSeriesLog.CommandApplied(logger, state.SeriesId, control.Command, next.Status);
        return Continue(context, next, controls);
    }

    private static async Task<MerchantSeriesResult> CancelAsync(TaskOrchestrationContext context, ILogger logger, MerchantSeriesState state, string reason)
    {
        string note = reason;
        try
        {
            await context.CallActivityAsync<bool>(
                nameof(CancelRecurring), new CancelRecurringRequest(IdempotencyKeys.Derive(state.SeriesId, CancelStep), state.RecurringId!), ActivityOptions.SmartRetryOutage);
        }
        catch (TaskFailedException)
        {
            // We are the scheduler, so nothing more is charged either way; SmartRetry's record is fixed by a person.
            RecurringLog.SmartRetryCallFailed(logger, state.SeriesId, "cancel the series");
            note += " SmartRetry could not be told: needs attention.";
        }

        return await EndAsync(context, logger, state, RecurringSeriesStatus.Cancelled, note);
    }

    private static async Task<MerchantSeriesResult> EndAsync(TaskOrchestrationContext context, ILogger logger, MerchantSeriesState state, RecurringSeriesStatus status, string detail)
    {
        await RecordAsync(context, new SeriesChange(state.SeriesId, context.CurrentUtcDateTime, status, Note: detail));
        context.SetCustomStatus(Status(state with { Status = status }, null, null));
        RecurringLog.SeriesEnded(logger, state.SeriesId, status, detail);
        return new MerchantSeriesResult(state.SeriesId, status, detail);
    }

    private static MerchantSeriesResult Continue(TaskOrchestrationContext context, MerchantSeriesState next, ExternalEventInbox<SeriesControl>? controls = null)
    {
        context.ContinueAsNew(next with { Generation = next.Generation + 1, CarriedControl = controls?.TakeArrivedBeforeContinuing() }, preserveUnprocessedEvents: true);
        return new MerchantSeriesResult(next.SeriesId, next.Status, "Continued as new.");
    }

    private static Task RecordAsync(TaskOrchestrationContext context, SeriesChange change) =>
        context.CallActivityAsync(nameof(RecordRecurringSeriesChange), change, ActivityOptions.Storage);

    /// <summary>
    /// How a cycle awaits SmartRetry's outcome. Under a time scale SmartRetry runs accelerated alike (the simulator's
    /// time factor), so its processing and retry delays, and with them our polls and deadline, are compressed too.
    /// </summary>
    private static TrackingPolicy Tracking(MerchantSeriesState state) => state.TimeScale is not { } scale
        ? state.Tracking
        : state.Tracking with
        {
            FirstPollDelay = scale.ToHostDuration(state.Tracking.FirstPollDelay),
            MaxPollInterval = scale.ToHostDuration(state.Tracking.MaxPollInterval),
            Deadline = scale.ToHostDuration(state.Tracking.Deadline),
        };

    private static MerchantSeriesStatus Status(MerchantSeriesState state, DateTime? nextDueAtUtc, string? runningCycleId) =>
        new(state.Status, state.Amount, state.Currency, state.NextSequence, nextDueAtUtc, runningCycleId, state.Generation, state.NeedsPaymentMethod);
}
