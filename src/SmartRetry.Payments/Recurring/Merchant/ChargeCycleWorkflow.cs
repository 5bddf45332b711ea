using System.Globalization;
using Microsoft.Extensions.Logging;
using SmartRetry.Payments.Declines;
using SmartRetry.Payments.Gateway;
using SmartRetry.Payments.Recurring.Activities;
using SmartRetry.Payments.Recurring.Dunning;
using SmartRetry.Payments.Recurring.Events;
using SmartRetry.Payments.Recurring.Scheduling;
using SmartRetry.Payments.Sales;
using SmartRetry.Payments.Workflows;
using SmartRetry.Payments.Workflows.Events;

namespace SmartRetry.Payments.Recurring.Merchant;

/// <summary>
/// Charges one occurrence of a merchant-managed series, with dunning. Runs as a sub-workflow under its own instance id
/// (<see cref="RecurringWorkflowNames.CycleInstanceId"/>) so webhooks for its transactions reach it directly. Each
/// attempt has its own deterministic idempotency key; a soft decline is re-attempted at the policy's offsets (never at
/// or after the next occurrence, never beyond the card's 30-day attempt limit, which a series with a card fingerprint
/// shares with every other series on the card); hard and do-not-retry declines end it.
/// </summary>
public static class ChargeCycleWorkflow
{
    public static async Task<ChargeCycleResult> RunAsync(IWorkflowContext context, ChargeCycleInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        ILogger logger = context.CreateReplaySafeLogger(typeof(ChargeCycleWorkflow).FullName!);
        var interrupts = new WorkflowEventStream<SeriesControl>(context, RecurringEventNames.CycleInterrupt);
        var transactionEvents = new WorkflowEventStream<TransactionEvent>(context, WorkflowEventNames.Transaction);
        CardAttemptWindow window = input.CardWindow;
        ChargeAttemptResult? last = null;
        DeclineClassification? decline = null;

        for (int attempt = 1; ; attempt++)
        {
            DateTime now = context.ScheduleNow(input.TimeScale);
            if (!await MayAttemptAsync(context, input, window, attempt, now))
            {
                string note = $"Not attempted: the card already had {input.Dunning.MaxAttemptsPer30Days} attempts in the last 30 days.";
                await RecordAsync(context, input, attempt, new ChargeAttemptResult(null, TransactionStatus.Cancelled), note);
                ChargeCycleOutcome outcome = attempt == 1 ? ChargeCycleOutcome.Skipped : ChargeCycleOutcome.Declined;
                return Result(input, outcome, attempt - 1, last, decline, window);
            }

            context.SetCustomStatus(new { input.SeriesId, input.Sequence, attempt, state = "charging" });
            last = await AttemptAsync(context, input, attempt, transactionEvents);
            window = input.CardFingerprint is null ? window.Record(now, approved: last.Status == TransactionStatus.Approved) : window;
            if (last.Status == TransactionStatus.Approved)
            {
                await ReleaseAttemptAsync(context, logger, input, attempt);
                await RecordAsync(context, input, attempt, last, null);
                return Result(input, ChargeCycleOutcome.Approved, attempt, last, null, window);
            }

            if (!last.IsFinal)
            {
                RecurringLog.ChargeUnresolved(logger, context.InstanceId, attempt, last.Status);
                await RecordAsync(context, input, attempt, last, "No final outcome: needs attention; not retried to avoid a double charge.");
                return Result(input, ChargeCycleOutcome.Unresolved, attempt, last, null, window);
            }

            // ERROR is a technical failure before the issuer: a later attempt with a new key may succeed.
            decline = last.Status == TransactionStatus.Error
                ? new DeclineClassification(DeclineCategory.Soft, "ERROR", last.Domain, IsKnownCode: true)
                : DeclineClassifier.Default.Classify(last.ReasonCode, last.Domain);
            DateTime? retryAt = input.Dunning.NextRetryAt(input.DueAtUtc, attempt - 1, decline, input.NextCycleDueAtUtc);
            await RecordAsync(context, input, attempt, last, DescribeNext(decline, retryAt, input.Dunning));
            if (retryAt is null)
            {
                return Result(input, ChargeCycleOutcome.Declined, attempt, last, decline, window);
            }

            using var timerCancellation = new CancellationTokenSource();
            Task retryTimer = context.CreateScheduleTimer(input.TimeScale, retryAt.Value, timerCancellation.Token);
            if (await Task.WhenAny(retryTimer, interrupts.Next) != retryTimer)
            {
                timerCancellation.Cancel();
                SeriesControl control = interrupts.Take();
                RecurringLog.CycleInterrupted(logger, context.InstanceId, control.Command);
                return Result(input, ChargeCycleOutcome.Interrupted, attempt, last, decline, window);
            }
        }
    }

    /// <summary>
    /// Whether the card may be charged now. A series with a card fingerprint reserves a slot in the card's window shared
    /// by every series (keyed by the attempt, so retries and replays never count twice); a series created before
    /// fingerprints checks its own window.
    /// </summary>
    private static Task<bool> MayAttemptAsync(IWorkflowContext context, ChargeCycleInput input, CardAttemptWindow window, int attempt, DateTime now) =>
        input.CardFingerprint is { } card
            ? context.CallActivityAsync<bool>(
                RecurringWorkflowNames.ReserveCardAttemptActivity,
                new CardAttemptReservation(card, AttemptId(context, attempt), now, input.Dunning.MaxAttemptsPer30Days),
                ActivityRetryPolicy.Storage)
            : Task.FromResult(window.Allows(now, input.Dunning.MaxAttemptsPer30Days));

    /// <summary>An approval does not count against the card. Should the release fail, the slot keeps counting: that only errs towards fewer attempts.</summary>
    private static async Task ReleaseAttemptAsync(IWorkflowContext context, ILogger logger, ChargeCycleInput input, int attempt)
    {
        if (input.CardFingerprint is not { } card)
        {
            return;
        }

        try
        {
            await context.CallActivityAsync(RecurringWorkflowNames.ReleaseCardAttemptActivity, new CardAttemptRelease(card, AttemptId(context, attempt)), ActivityRetryPolicy.Storage);
        }
        catch (WorkflowTaskFailedException)
        {
            RecurringLog.CardAttemptReleaseFailed(logger, context.InstanceId, attempt);
        }
    }

    private static async Task<ChargeAttemptResult> AttemptAsync(
        IWorkflowContext context, ChargeCycleInput input, int attempt, WorkflowEventStream<TransactionEvent> transactionEvents)
    {
        var request = new ChargeRequest(context.InstanceId, IdempotencyKeys.Derive(context.InstanceId, ChargeStep(attempt)), input.RecurringId, input.Amount, input.Currency);
        ChargeAttemptResult submitted;
        try
        {
            submitted = await context.CallActivityAsync<ChargeAttemptResult>(RecurringWorkflowNames.ChargeRecurringActivity, request, ActivityRetryPolicy.SmartRetryOutage);
        }
        catch (WorkflowTaskFailedException)
        {
            // SmartRetry stayed unreachable: whether it charged is unknown, so this must not be guessed or retried.
            return new ChargeAttemptResult(null, TransactionStatus.Unknown, "SMARTRETRY_UNREACHABLE");
        }

        return submitted.Status == TransactionStatus.Processing && submitted.TransactionId is not null
            ? await TrackAsync(context, input, submitted with { EarlyEvents = null }, submitted.EarlyEvents ?? [], transactionEvents)
            : submitted with { EarlyEvents = null };
    }

    /// <summary>
    /// Waits for the transaction's webhook, polling its status on a backoff timer meanwhile, until final or the deadline.
    /// Webhooks that came before the transaction was mapped to the cycle (<paramref name="earlyEvents"/>) are taken first.
    /// </summary>
    private static async Task<ChargeAttemptResult> TrackAsync(
        IWorkflowContext context, ChargeCycleInput input, ChargeAttemptResult submitted, IReadOnlyList<TransactionEvent> earlyEvents, WorkflowEventStream<TransactionEvent> transactionEvents)
    {
        DateTime deadline = context.CurrentUtcDateTime + input.Tracking.Deadline;
        TimeSpan delay = input.Tracking.FirstPollDelay;
        ChargeAttemptResult latest = submitted;
        bool confirmNow = false;
        foreach (TransactionEvent early in earlyEvents)
        {
            switch (NewsIn(early, submitted.TransactionId))
            {
                case EventNews.Approved:
                    return new ChargeAttemptResult(submitted.TransactionId, TransactionStatus.Approved, early.ReasonCode);
                case EventNews.OutcomeToConfirm:
                    confirmNow = true;
                    break;
            }
        }

        while (true)
        {
            // An early webhook that already told of an outcome is confirmed with a status read at once.
            if (!confirmNow)
            {
                using var timerCancellation = new CancellationTokenSource();
                Task pollTimer = context.CreateTimer(Min(context.CurrentUtcDateTime + delay, deadline), timerCancellation.Token);
                while (await Task.WhenAny(pollTimer, transactionEvents.Next) != pollTimer)
                {
                    TransactionEvent received = transactionEvents.Take();
                    EventNews news = NewsIn(received, submitted.TransactionId);
                    if (news == EventNews.Approved)
                    {
                        timerCancellation.Cancel();
                        return new ChargeAttemptResult(submitted.TransactionId, TransactionStatus.Approved, received.ReasonCode);
                    }

                    if (news == EventNews.OutcomeToConfirm)
                    {
                        timerCancellation.Cancel();
                        break;
                    }
                }
            }

            confirmNow = false;
            try
            {
                // The sale's status activity reads any transaction, recurring charges included.
                TransactionSnapshot snapshot = await context.CallActivityAsync<TransactionSnapshot>(
                    SaleWorkflowNames.GetSaleStatusActivity, submitted.TransactionId, ActivityRetryPolicy.SmartRetryOutage);
                latest = new ChargeAttemptResult(snapshot.TransactionId, snapshot.Status, snapshot.ReasonCode, snapshot.Domain);
            }
            catch (WorkflowTaskFailedException)
            {
                // A failed poll is not an outcome; the next poll or the webhook may still tell.
            }

            if (latest.IsFinal || latest.Status == TransactionStatus.Unknown || context.CurrentUtcDateTime >= deadline)
            {
                return latest;
            }

            delay = Min(TimeSpan.FromTicks((long)(delay.Ticks * input.Tracking.PollBackoff)), input.Tracking.MaxPollInterval);
        }
    }

    /// <summary>
    /// What a webhook says about the charge being tracked. Whether a declined webhook is per attempt (SmartRetry may
    /// still overturn it) is undocumented, and dunning decides on the reason: any outcome but an approval is confirmed
    /// with a status read, at once.
    /// </summary>
    private static EventNews NewsIn(TransactionEvent received, string? transactionId) =>
        received.TransactionId != transactionId || received.Status is not { } status ? EventNews.None
        : status == TransactionStatus.Approved ? EventNews.Approved
        : new ChargeAttemptResult(transactionId, status).IsFinal || status == TransactionStatus.Unknown ? EventNews.OutcomeToConfirm
        : EventNews.None;

    private static Task RecordAsync(IWorkflowContext context, ChargeCycleInput input, int attempt, ChargeAttemptResult result, string? note) =>
        context.CallActivityAsync(
            RecurringWorkflowNames.RecordChargeActivity,
            new ChargeRecord(
                AttemptId(context, attempt),
                input.SeriesId,
                input.Amount,
                input.Currency,
                result.Status,
                context.CurrentUtcDateTime,
                result.TransactionId,
                result.ReasonCode,
                attempt,
                note,
                input.DueAtUtc),
            ActivityRetryPolicy.Storage);

    private static string DescribeNext(DeclineClassification decline, DateTime? retryAt, DunningPolicy policy)
    {
        if (retryAt is { } at)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{decline.Category} decline {decline.Reason}: dunning re-attempt at {at:O}.");
        }

        string action = (decline.MayRetry, policy.ExhaustedAction, policy.OnHardDecline) switch
        {
            (true, DunningExhaustedAction.CancelSeries, _) or (false, _, HardDeclineAction.CancelSeries) => "the series is cancelled",
            (false, _, HardDeclineAction.Pause) => "the series is paused until the payer gives a new payment method",
            _ => "the series stays active for the next cycle",
        };
        string why = decline.Category switch
        {
            DeclineCategory.Soft => "dunning exhausted",
            DeclineCategory.Hard => "hard decline, the payer must update the payment method; not re-attempted",
            _ => "decline not retryable; not re-attempted",
        };
        return $"{decline.Category} decline {decline.Reason}: {why}; {action}.";
    }

    private static ChargeCycleResult Result(
        ChargeCycleInput input, ChargeCycleOutcome outcome, int attempts, ChargeAttemptResult? last, DeclineClassification? decline, CardAttemptWindow window) =>
        new(input.Sequence, outcome, attempts, last?.TransactionId, last?.ReasonCode, outcome == ChargeCycleOutcome.Approved ? null : decline?.Category, window);

    /// <summary>An attempt's ledger payment id, also its key in the card's shared attempt window.</summary>
    private static string AttemptId(IWorkflowContext context, int attempt) => $"{context.InstanceId}-a{attempt}";

    /// <summary>The idempotency step of an attempt: each attempt is a new charge, each retry of one attempt the same.</summary>
    public static string ChargeStep(int attempt) => $"charge-a{attempt}";

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private enum EventNews
    {
        None,
        Approved,
        OutcomeToConfirm,
    }
}
