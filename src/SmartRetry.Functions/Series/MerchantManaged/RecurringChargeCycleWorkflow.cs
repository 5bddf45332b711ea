using System.Globalization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using SmartRetry.Functions.Shared.Declines;
using SmartRetry.Functions.Shared.Durable;
using SmartRetry.Functions.Shared.Events;
using SmartRetry.Functions.Shared.Gateway;
using SmartRetry.Functions.Shared.Ledger;
using SmartRetry.Functions.Shared.Series;
using SmartRetry.Functions.Shared.Tracking;

namespace SmartRetry.Functions.Series.MerchantManaged;

/// <summary>
/// Charges one occurrence of a merchant-managed series, with dunning. Runs as a sub-orchestration under its own instance id
/// (<see cref="RecurringSeriesIds.CycleInstanceId"/>) so webhooks for its transactions reach it directly. Each
/// attempt has its own deterministic idempotency key; a soft decline is re-attempted at the policy's offsets (never at
/// or after the next occurrence, never beyond the card's 30-day attempt limit, which a series with a card fingerprint
/// shares with every other series on the card); hard and do-not-retry declines end it.
/// </summary>
public static class RecurringChargeCycleWorkflow
{
    [Function(nameof(RecurringChargeCycleWorkflow))]
    public static async Task<ChargeCycleResult> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ChargeCycleInput input = context.GetInput<ChargeCycleInput>() ?? throw new InvalidOperationException("RecurringChargeCycleWorkflow needs its input.");
        ILogger logger = context.CreateReplaySafeLogger(typeof(RecurringChargeCycleWorkflow).FullName!);
        var interrupts = new ExternalEventInbox<SeriesControl>(context, RecurringEventNames.CycleInterrupt);
        var transactionEvents = new ExternalEventInbox<TransactionEvent>(context, OrchestrationEventNames.Transaction);
        CardAttemptWindow window = input.CardWindow;
        ChargeAttemptResult? last = null;
        DeclineClassification? decline = null;
        ChargeCycleOutcome? outcome = null;
        int attempts = 0;

        while (outcome is null)
        {
            int attempt = attempts + 1;
            DateTime now = context.ScheduleNow(input.TimeScale);
            if (!await MayAttemptAsync(context, input, window, attempt, now))
            {
                string note = $"Not attempted: the card already had {input.Dunning.MaxAttemptsPer30Days} attempts in the last 30 days.";
                await RecordAsync(context, input, attempt, new ChargeAttemptResult(null, SmartRetryStatus.Cancelled), note);
                outcome = attempt == 1 ? ChargeCycleOutcome.Skipped : ChargeCycleOutcome.Declined;
                continue;
            }

            attempts = attempt;
            context.SetCustomStatus(new { input.SeriesId, input.Sequence, attempt, state = "charging" });
            last = await AttemptAsync(context, logger, input, attempt, transactionEvents);
            window = input.CardFingerprint is null ? window.Record(now, approved: last.Status == SmartRetryStatus.Approved) : window;
            if (last.Status == SmartRetryStatus.Approved)
            {
                await ReleaseAttemptAsync(context, logger, input, attempt);
                await RecordAsync(context, input, attempt, last, null);
                outcome = ChargeCycleOutcome.Approved;
            }
            else if (!last.IsFinal)
            {
                MerchantSeriesLog.ChargeUnresolved(logger, context.InstanceId, attempt, last.Status);
                await RecordAsync(context, input, attempt, last, "No final outcome: needs attention; not retried to avoid a double charge.");
                decline = null;
                outcome = ChargeCycleOutcome.Unresolved;
            }
            else
            {
                // ERROR is a technical failure before the issuer: a later attempt with a new key may succeed.
                decline = last.Status == SmartRetryStatus.Error
                    ? new DeclineClassification(DeclineCategory.Soft, "ERROR", last.Domain, IsKnownCode: true)
                    : DeclineClassifier.Default.Classify(last.ReasonCode, last.Domain);
                DateTime? retryAt = input.Dunning.NextRetryAt(input.DueAtUtc, attempt - 1, decline, input.NextCycleDueAtUtc);
                await RecordAsync(context, input, attempt, last, DescribeNext(decline, retryAt, input.Dunning));
                if (retryAt is null)
                {
                    outcome = ChargeCycleOutcome.Declined;
                }
                else if (await InterruptedBeforeAsync(context, input, retryAt.Value, interrupts) is { } control)
                {
                    MerchantSeriesLog.CycleInterrupted(logger, context.InstanceId, control.Command);
                    outcome = ChargeCycleOutcome.Interrupted;
                }
            }
        }

        return Result(input, outcome.Value, attempts, last, decline, window);
    }

    /// <summary>Waits for the dunning re-attempt time; the pause or cancel that came first, if one did.</summary>
    private static async Task<SeriesControl?> InterruptedBeforeAsync(
        TaskOrchestrationContext context, ChargeCycleInput input, DateTime retryAt, ExternalEventInbox<SeriesControl> interrupts)
    {
        using var timerCancellation = new CancellationTokenSource();
        Task retryTimer = context.CreateScheduleTimer(input.TimeScale, retryAt, timerCancellation.Token);
        if (await Task.WhenAny(retryTimer, interrupts.Next) == retryTimer)
        {
            return null;
        }

        timerCancellation.Cancel();
        return interrupts.Take();
    }

    /// <summary>
    /// Whether the card may be charged now. A series with a card fingerprint reserves a slot in the card's window shared
    /// by every series (keyed by the attempt, so retries and replays never count twice); a series created before
    /// fingerprints checks its own window.
    /// </summary>
    private static Task<bool> MayAttemptAsync(TaskOrchestrationContext context, ChargeCycleInput input, CardAttemptWindow window, int attempt, DateTime now) =>
        input.CardFingerprint is { } card
            ? context.CallActivityAsync<bool>(
                nameof(ReserveCardAttempt),
                new CardAttemptReservation(card, AttemptId(context, attempt), now, input.Dunning.MaxAttemptsPer30Days),
                ActivityOptions.Storage)
            : Task.FromResult(window.Allows(now, input.Dunning.MaxAttemptsPer30Days));

    /// <summary>An approval does not count against the card. Should the release fail, the slot keeps counting: that only errs towards fewer attempts.</summary>
    private static async Task ReleaseAttemptAsync(TaskOrchestrationContext context, ILogger logger, ChargeCycleInput input, int attempt)
    {
        if (input.CardFingerprint is not { } card)
        {
            return;
        }

        try
        {
            await context.CallActivityAsync(nameof(ReleaseCardAttempt), new CardAttemptRelease(card, AttemptId(context, attempt)), ActivityOptions.Storage);
        }
        catch (TaskFailedException)
        {
            MerchantSeriesLog.CardAttemptReleaseFailed(logger, context.InstanceId, attempt);
        }
    }

    private static async Task<ChargeAttemptResult> AttemptAsync(
        TaskOrchestrationContext context, ILogger logger, ChargeCycleInput input, int attempt, ExternalEventInbox<TransactionEvent> transactionEvents)
    {
        var request = new ChargeRecurringRequest(context.InstanceId, IdempotencyKeys.Derive(context.InstanceId, ChargeStep(attempt)), input.RecurringId, input.Amount, input.Currency);
        ChargeAttemptResult submitted;
        try
        {
            submitted = await context.CallActivityAsync<ChargeAttemptResult>(nameof(ChargeRecurring), request, ActivityOptions.SmartRetryOutage);
        }
        catch (TaskFailedException)
        {
            // SmartRetry stayed unreachable: whether it charged is unknown, so this must not be guessed or retried.
            return new ChargeAttemptResult(null, SmartRetryStatus.Unknown, "SMARTRETRY_UNREACHABLE");
        }

        return submitted.Status == SmartRetryStatus.Processing && submitted.TransactionId is not null
            ? await TrackAsync(context, logger, input, submitted.TransactionId, submitted.EarlyEvents ?? [], transactionEvents)
            : submitted with { EarlyEvents = null };
    }

    /// <summary>
    /// Follows the attempt's transaction to its outcome with the same tracker as sales and refunds (webhooks, status
    /// polls on a backoff timer, the deadline), over the cycle's one wait for transaction events, which outlives the
    /// attempt. Webhooks that came before the transaction was mapped to the cycle (<paramref name="earlyEvents"/>) are
    /// taken first. A deadline reached without a final status leaves the attempt unresolved, never guessed.
    /// </summary>
    private static async Task<ChargeAttemptResult> TrackAsync(
        TaskOrchestrationContext context, ILogger logger, ChargeCycleInput input, string transactionId, IReadOnlyList<TransactionEvent> earlyEvents, ExternalEventInbox<TransactionEvent> transactionEvents)
    {
        var tracker = new TransactionTracker(context, context.InstanceId, transactionId, logger, static _ => { }, transactionEvents);
        PaymentVerdict verdict = await tracker.AwaitOutcomeAsync(input.Tracking, context.CurrentUtcDateTime + input.Tracking.Deadline, earlyEvents);
        TransactionSnapshot? read = tracker.LastSnapshot;
        return verdict.Status switch
        {
            PaymentStatus.Approved => new ChargeAttemptResult(tracker.TransactionId, SmartRetryStatus.Approved, verdict.ReasonCode),
            PaymentStatus.Declined => new ChargeAttemptResult(tracker.TransactionId, SmartRetryStatus.Declined, verdict.ReasonCode, read?.Domain),
            PaymentStatus.Error => new ChargeAttemptResult(tracker.TransactionId, SmartRetryStatus.Error, verdict.ReasonCode, read?.Domain),
            PaymentStatus.Cancelled => new ChargeAttemptResult(tracker.TransactionId, SmartRetryStatus.Cancelled, verdict.ReasonCode, read?.Domain),
            PaymentStatus.NeedsAttention => new ChargeAttemptResult(tracker.TransactionId, SmartRetryStatus.Unknown, verdict.ReasonCode, read?.Domain),
            _ => new ChargeAttemptResult(tracker.TransactionId, read?.Status ?? SmartRetryStatus.Processing, read?.ReasonCode, read?.Domain),
        };
    }

    private static Task RecordAsync(TaskOrchestrationContext context, ChargeCycleInput input, int attempt, ChargeAttemptResult result, string? note) =>
        context.CallActivityAsync(
            nameof(RecordRecurringCharge),
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
            ActivityOptions.Storage);

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
    private static string AttemptId(TaskOrchestrationContext context, int attempt) => $"{context.InstanceId}-a{attempt}";

    /// <summary>The idempotency step of an attempt: each attempt is a new charge, each retry of one attempt the same.</summary>
    public static string ChargeStep(int attempt) => $"charge-a{attempt}";

}
