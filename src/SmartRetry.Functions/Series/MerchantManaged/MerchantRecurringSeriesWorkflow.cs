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
/// The eternal orchestration of a <c>managed_by: merchant</c> series. Each generation does one thing and continues as new
/// with compact state, so history stays bounded however long the series runs: wait on a durable timer for the next
/// occurrence (pause / resume / cancel / amount update can interrupt it), or run that occurrence's charge cycle as a
/// sub-orchestration and record it. Occurrences that fall due while the series is paused are skipped, not charged later.
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
    public static Task<MerchantSeriesResult> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        MerchantSeriesState state = context.GetInput<MerchantSeriesState>() ?? throw new InvalidOperationException("MerchantRecurringSeriesWorkflow needs its input.");
        return new Generation(context, state).RunAsync();
    }

    /// <summary>One generation of the series: it does one thing, then continues as new or ends the series.</summary>
    private sealed class Generation(TaskOrchestrationContext context, MerchantSeriesState state)
    {
        private readonly ILogger logger = context.CreateReplaySafeLogger(typeof(MerchantRecurringSeriesWorkflow).FullName!);

        // Armed only once the series exists: the set-up generation has nothing a control could change.
        private ExternalEventInbox<SeriesControl>? controls;

        public async Task<MerchantSeriesResult> RunAsync()
        {
            if (state.Setup is { } setup)
            {
                return await SetUpAsync(setup);
            }

            controls = new ExternalEventInbox<SeriesControl>(context, RecurringEventNames.Control);
            if (state.CarriedControl is { } carried)
            {
                return await ApplyAsync(state with { CarriedControl = null }, carried);
            }

            if (state.Status == RecurringSeriesStatus.Paused)
            {
                context.SetCustomStatus(Status(state, null, null));
                await controls.Next;
                return await ApplyAsync(state, controls.Take());
            }

            ScheduledOccurrence? due = NextOccurrence(state, context.ScheduleNow(state.TimeScale));
            if (due is null)
            {
                return await EndAsync(state, RecurringSeriesStatus.Completed, "All scheduled occurrences have been processed.");
            }

            context.SetCustomStatus(Status(state with { NextSequence = due.Sequence }, due.DueAtUtc, null));
            using (var timerCancellation = new CancellationTokenSource())
            {
                Task dueTimer = context.CreateScheduleTimer(state.TimeScale, due.DueAtUtc, timerCancellation.Token);
                if (await Task.WhenAny(dueTimer, controls.Next) != dueTimer)
                {
                    timerCancellation.Cancel();
                    return await ApplyAsync(state with { NextSequence = due.Sequence }, controls.Take());
                }
            }

            return await ChargeAsync(due);
        }

        private async Task<MerchantSeriesResult> SetUpAsync(SeriesSetup setup)
        {
            InitRecurringResult init = await InitRecurring.CallAsync(context, state.SeriesId, SeriesManagement.Merchant, state.Amount, state.Currency, state.Schedule, setup);
            if (init.Accepted)
            {
                // recurring_init charged the first occurrence; the card leaves the orchestration's state here.
                return Continue(state with { Setup = null, RecurringId = init.RecurringId, NextSequence = Math.Max(state.NextSequence, 2) });
            }

            // A reason code without a transaction: SmartRetry refused the request itself; otherwise the first payment was declined.
            bool refused = init.TransactionId is null && init.ReasonCode is not null;
            RecurringSeriesStatus ended = refused ? RecurringSeriesStatus.Refused : RecurringSeriesStatus.Cancelled;
            string why = refused ? $"SmartRetry refused to create the series ({init.ReasonCode})" : "the first payment was declined";
            context.SetCustomStatus(Status(state with { Status = ended }, null, null));
            RecurringLog.SeriesEnded(logger, state.SeriesId, ended, why);
            return new MerchantSeriesResult(state.SeriesId, ended, refused ? $"{why}; nothing was charged." : "The first payment was declined; the series was not created.");
        }

        /// <summary>Runs the occurrence's charge cycle as a sub-orchestration and applies its outcome (and any control that came meanwhile).</summary>
        private async Task<MerchantSeriesResult> ChargeAsync(ScheduledOccurrence due)
        {
            ScheduledOccurrence? following = ScheduleCalculator.Occurrence(state.Schedule, due.Sequence + 1);
            string cycleId = RecurringSeriesIds.CycleInstanceId(state.SeriesId, due.Sequence);
            context.SetCustomStatus(Status(state with { NextSequence = due.Sequence }, due.DueAtUtc, cycleId));
            var cycleInput = new ChargeCycleInput(
                state.SeriesId, state.RecurringId!, due.Sequence, state.Amount, state.Currency, due.DueAtUtc, following?.DueAtUtc, state.Dunning,
                state.TimeScale?.Compress(state.Tracking) ?? state.Tracking, state.CardWindow, state.CardFingerprint, state.TimeScale);
            Task<ChargeCycleResult> cycle = context.CallSubOrchestratorAsync<ChargeCycleResult>(
                nameof(RecurringChargeCycleWorkflow), cycleInput, new SubOrchestrationOptions(instanceId: cycleId));

            SeriesControl? arrivedDuringCycle = null;
            if (await Task.WhenAny(cycle, controls!.Next) != cycle)
            {
                arrivedDuringCycle = controls.Take();
                if (arrivedDuringCycle.Command is SeriesCommand.Pause or SeriesCommand.Cancel)
                {
                    await context.CallActivityAsync<bool>(nameof(InterruptRecurringCycle), new CycleInterruption(cycleId, arrivedDuringCycle), ActivityOptions.Storage);
                }
            }

            ChargeCycleResult result = await cycle;
            MerchantSeriesState next = state with { NextSequence = due.Sequence + 1, CardWindow = result.CardWindow };
            await RecordAsync(new SeriesChange(state.SeriesId, context.CurrentUtcDateTime, NextDueAtUtc: following?.DueAtUtc, Cycle: result));

            bool cancelRequested = arrivedDuringCycle?.Command == SeriesCommand.Cancel;
            if (!cancelRequested && IsCardRefused(result))
            {
                HardDeclineAction action = state.Dunning.OnHardDecline;
                MerchantSeriesLog.CardRefused(logger, state.SeriesId, due.Sequence, result.DeclineCategory, result.ReasonCode, action);
                string refusal = $"Occurrence {due.Sequence} was declined {result.DeclineCategory} ({result.ReasonCode ?? "no reason code"}): the card must not be charged again automatically";
                if (action == HardDeclineAction.CancelSeries)
                {
                    return await CancelAsync(next, $"{refusal}; the hard-decline policy cancels the series.");
                }

                if (action == HardDeclineAction.Pause)
                {
                    next = next with { Status = RecurringSeriesStatus.Paused, NeedsPaymentMethod = true };
                    await RecordAsync(new SeriesChange(state.SeriesId, context.CurrentUtcDateTime, RecurringSeriesStatus.Paused, Note: $"{refusal}; paused: needs a new payment method, then resume."));
                }
            }
            else if (!cancelRequested && result.Outcome is ChargeCycleOutcome.Declined or ChargeCycleOutcome.Skipped && state.Dunning.ExhaustedAction == DunningExhaustedAction.CancelSeries)
            {
                return await CancelAsync(next, $"Occurrence {due.Sequence} stayed unpaid ({result.ReasonCode ?? result.Outcome.ToString()}); the dunning policy cancels the series.");
            }

            return arrivedDuringCycle is null ? Continue(next) : await ApplyAsync(next, arrivedDuringCycle);
        }

        private async Task<MerchantSeriesResult> ApplyAsync(MerchantSeriesState current, SeriesControl control)
        {
            DateTime now = context.CurrentUtcDateTime;
            MerchantSeriesState next = current;
            switch (control.Command)
            {
                case SeriesCommand.Cancel:
                    return await CancelAsync(current, $"Cancelled on request {control.RequestId}.");

                case SeriesCommand.Pause when current.Status == RecurringSeriesStatus.Active:
                    next = current with { Status = RecurringSeriesStatus.Paused };
                    await RecordAsync(new SeriesChange(current.SeriesId, now, RecurringSeriesStatus.Paused, Note: $"Paused on request {control.RequestId}."));
                    break;

                case SeriesCommand.Resume when current.Status == RecurringSeriesStatus.Paused:
                    // Occurrences that fell due while paused are skipped: resuming never charges for the paused time.
                    ScheduledOccurrence? resumeAt = ScheduleCalculator.FirstDueAtOrAfter(current.Schedule, current.NextSequence, context.ScheduleNow(current.TimeScale));
                    next = current with { Status = RecurringSeriesStatus.Active, NextSequence = resumeAt?.Sequence ?? int.MaxValue, NeedsPaymentMethod = false };
                    await RecordAsync(new SeriesChange(current.SeriesId, now, RecurringSeriesStatus.Active, NextDueAtUtc: resumeAt?.DueAtUtc, Note: $"Resumed on request {control.RequestId}."));
                    break;

                case SeriesCommand.UpdateAmount when control.Amount is { } amount && amount != current.Amount:
                    next = current with { Amount = amount };
                    try
                    {
                        await context.CallActivityAsync<bool>(
                            nameof(UpdateRecurringAmount), new RecurringUpdate(current.RecurringId!, amount), ActivityOptions.SmartRetryOutage);
                    }
                    catch (TaskFailedException)
                    {
                        // Every charge sends its amount explicitly, so SmartRetry's stale default cannot mis-charge; it is only reported.
                        RecurringLog.SmartRetryCallFailed(logger, current.SeriesId, "update the amount");
                    }

                    await RecordAsync(new SeriesChange(current.SeriesId, now, Amount: amount, Note: $"Amount updated on request {control.RequestId}."));
                    break;

                default:
                    // Repeats and impossible transitions (the HTTP side refuses them, but a duplicate may still arrive) change nothing.
                    return Continue(current);
            }

            MerchantSeriesLog.CommandApplied(logger, current.SeriesId, control.Command, next.Status);
            return Continue(next);
        }

        private async Task<MerchantSeriesResult> CancelAsync(MerchantSeriesState current, string reason)
        {
            string note = reason;
            try
            {
                await context.CallActivityAsync<bool>(
                    nameof(CancelRecurring), new CancelRecurringRequest(IdempotencyKeys.Derive(current.SeriesId, CancelStep), current.RecurringId!), ActivityOptions.SmartRetryOutage);
            }
            catch (TaskFailedException)
            {
                // We are the scheduler, so nothing more is charged either way; SmartRetry's record is fixed by a person.
                RecurringLog.SmartRetryCallFailed(logger, current.SeriesId, "cancel the series");
                note += " SmartRetry could not be told: needs attention.";
            }

            return await EndAsync(current, RecurringSeriesStatus.Cancelled, note);
        }

        private async Task<MerchantSeriesResult> EndAsync(MerchantSeriesState current, RecurringSeriesStatus status, string detail)
        {
            await RecordAsync(new SeriesChange(current.SeriesId, context.CurrentUtcDateTime, status, Note: detail));
            context.SetCustomStatus(Status(current with { Status = status }, null, null));
            RecurringLog.SeriesEnded(logger, current.SeriesId, status, detail);
            return new MerchantSeriesResult(current.SeriesId, status, detail);
        }

        /// <summary>The one way a generation hands over to the next: compact state, and any control that arrived carried in it.</summary>
        private MerchantSeriesResult Continue(MerchantSeriesState next)
        {
            context.ContinueAsNew(next with { Generation = next.Generation + 1, CarriedControl = controls?.TakeArrivedBeforeContinuing() }, preserveUnprocessedEvents: true);
            return new MerchantSeriesResult(next.SeriesId, next.Status, "Continued as new.");
        }

        private Task RecordAsync(SeriesChange change) =>
            context.CallActivityAsync(nameof(RecordRecurringSeriesChange), change, ActivityOptions.Storage);
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

    private static MerchantSeriesStatus Status(MerchantSeriesState state, DateTime? nextDueAtUtc, string? runningCycleId) =>
        new(state.Status, state.Amount, state.Currency, state.NextSequence, nextDueAtUtc, runningCycleId, state.Generation, state.NeedsPaymentMethod);
}
