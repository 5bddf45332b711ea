using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartRetry.Functions.Shared.Cards;
using SmartRetry.Functions.Shared.Charges;
using SmartRetry.Functions.Shared.Durable;
using SmartRetry.Functions.Shared.Gateway;
using SmartRetry.Functions.Shared.Idempotency;
using SmartRetry.Functions.Shared.Ledger;
using SmartRetry.Functions.Shared.Telemetry;

namespace SmartRetry.Functions.Maintenance;

/// <summary>
/// Settles the payments their orchestration left unresolved, the way Kill Bill's janitor and Hyperswitch's payment sync do:
/// it takes the due entries of the index of unresolved payments (never a scan of the ledger) and, for each, asks the
/// one who knows. SmartRetry knows a transaction it gave us an id for: its status read settles the payment. When we
/// never learnt whether SmartRetry took the payment, the payment's own orchestration is started again under its id, so it
/// repeats its call with the same idempotency key, which SmartRetry answers from its record for 24 hours (and the
/// card is still in the vault for it); past that window, or with the card gone, the payment ends <c>error</c> with a
/// note saying what is known. A payment whose orchestration never reached SmartRetry ends without a call. Attempts back
/// off (<see cref="ReconciliationOptions"/>) and stop at a bound, leaving the payment flagged for a person.
/// </summary>
/// <remarks>
/// Safe with several hosts running it at once: each entry is taken on under its version, so one run acts on it at a
/// time, and whatever a run does is idempotent (ledger writes that are not news are ignored, a restarted orchestration
/// repeats its key). Its writes go through the ledger, which drops the entry from the index once a status is final.
/// </remarks>
public sealed partial class PaymentReconciler(
    IUnresolvedPayments unresolved,
    IPaymentLedger ledger,
    ISmartRetryGateway gateway,
    ICardVault cards,
    IRefundReservations refunds,
    IIdempotencyStore idempotency,
    IOptions<ReconciliationOptions> options,
    IOptions<PaymentRequestOptions> requests,
    TimeProvider timeProvider,
    ILogger<PaymentReconciler> logger,
    PaymentMetrics? metrics = null)
{
    /// <summary>Looks at every payment due now (up to the batch size); returns what each look found.</summary>
    /// <param name="durable">The invocation's orchestration client: the reconciler reads and restarts payments' instances.</param>
    public async Task<IReadOnlyList<ReconcilerCheck>> ReconcileDueAsync(DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        ReconciliationOptions settings = options.Value;
        DateTimeOffset now = timeProvider.GetUtcNow();
        var checks = new List<ReconcilerCheck>();
        foreach (UnresolvedPayment due in await unresolved.DueAsync(now, settings.BatchSize, cancellationToken))
        {
            if (await CheckAsync(durable, due, cancellationToken) is { } check)
            {
                checks.Add(check);
            }
        }

        return checks;
    }

    /// <summary>Takes <paramref name="due"/> on (unless another run did) and settles it or schedules the next look; null when another run has it.</summary>
    public async Task<ReconcilerCheck?> CheckAsync(DurableTaskClient durable, UnresolvedPayment due, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        ArgumentNullException.ThrowIfNull(due);
        ReconciliationOptions settings = options.Value;
        DateTimeOffset now = timeProvider.GetUtcNow();

        // Taken on under its version, with the attempt counted at once: the ledger leaves an entry with attempts alone.
        UnresolvedPayment? taken = await unresolved.TryUpdateAsync(
            due, due with { NextCheckAt = now + settings.Lease, LastCheckedAt = now, Attempts = due.Attempts + 1 }, cancellationToken);
        if (taken is null)
        {
            return null;
        }

        using IDisposable? scope = logger.BeginScope(new Dictionary<string, object> { ["PaymentId"] = due.PaymentId });
        Finding finding;
        try
        {
            finding = await FindAsync(durable, due, now, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogCheckFailed(logger, due.PaymentId, exception);
            finding = Finding.Retry(ReconcilerOutcome.Unreachable, "SmartRetry, storage or the Durable host could not be reached; trying again later.");
        }

        int attempts = finding.IsAttempt ? due.Attempts + 1 : due.Attempts;
        DateTimeOffset? next = null;
        if (finding.Outcome is not (ReconcilerOutcome.Settled or ReconcilerOutcome.Removed))
        {
            bool exhausted = finding.IsAttempt && attempts >= settings.MaxAttempts;
            if (exhausted)
            {
                finding = finding with { Outcome = ReconcilerOutcome.Exhausted, Note = $"Left to a person after {attempts} attempts. {finding.Note}" };
            }
            else
            {
                next = finding.Next ?? now + settings.DelayBefore(attempts + 1);
            }

            await unresolved.TryUpdateAsync(
                taken,
                taken with { Attempts = attempts, NextCheckAt = next ?? DateTimeOffset.MaxValue, LastCheckedAt = now, LastOutcome = finding.Note, Exhausted = exhausted },
                cancellationToken);
        }

        metrics?.ReconcilerChecked(ReconcilerCheck.Tag(finding.Outcome));
        LogChecked(logger, due.PaymentId, finding.Outcome, attempts, finding.Note);
        return new ReconcilerCheck(due.PaymentId, finding.Outcome, finding.Note, attempts, next);
    }

    private async Task<Finding> FindAsync(DurableTaskClient durable, UnresolvedPayment due, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ReconciliationOptions settings = options.Value;
        if (await ledger.GetAsync(due.PaymentId, cancellationToken) is not { } entry)
        {
            // Watched just before its row was written, and the row never came: nothing was recorded, nothing to settle.
            return now - due.Since > requests.Value.ClaimLease + requests.Value.ClaimLease
                ? await RemoveAsync(due.PaymentId, "No ledger row was ever written for it; nothing to settle.", cancellationToken)
                : Finding.Wait(ReconcilerOutcome.StillRunning, "Its ledger row is not written yet.", now + settings.FirstRetryDelay);
        }

        if (entry.Status.IsFinal())
        {
            return await RemoveAsync(due.PaymentId, $"Already {entry.Status}.", cancellationToken);
        }

        bool ownWorkflow = entry.Kind is PaymentKind.Sale or PaymentKind.Refund;
        OrchestrationMetadata? instance = ownWorkflow ? await durable.GetInstanceStateAsync(entry.PaymentId, cancellationToken) : null;
        if (instance is { IsCompleted: false })
        {
            return Finding.Wait(ReconcilerOutcome.StillRunning, "Its workflow is still running; it is left to finish.", now + settings.RunningRecheck);
        }

        if ((entry.TransactionId ?? await AnsweredTransactionAsync(entry, cancellationToken)) is { } transactionId)
        {
            return await SettleFromStatusAsync(entry, transactionId, due.Attempts + 1, cancellationToken);
        }

        if (!ownWorkflow)
        {
            // A series' charge (or a future transaction it missed): its series decides what follows, and SmartRetry may
            // still run it under a transaction of its own. Nothing here to look up or repeat: it backs off, then a person looks.
            return Finding.Retry(ReconcilerOutcome.NeedsAttention,
                "No SmartRetry transaction is on record for this charge, so there is nothing to look up; its series decides what follows.");
        }

        if (instance is null)
        {
            return await EndUnstartedAsync(entry, now, cancellationToken);
        }

        if (!WasSubmitted(instance))
        {
            return await SettleAsync(
                entry,
                instance.RuntimeStatus == OrchestrationRuntimeStatus.Terminated ? PaymentStatus.Cancelled : PaymentStatus.Error,
                entry.ReasonCode,
                $"Reconciler: its workflow {Ended(instance)} before it was submitted to SmartRetry; nothing was charged.",
                cancellationToken);
        }

        // Submitted, answer unknown: repeat the call under the same key while SmartRetry still holds its answer.
        DateTimeOffset firstCall = entry.ScheduledAt is { } scheduledAt && scheduledAt > instance.CreatedAt ? scheduledAt : instance.CreatedAt;
        bool canRepeat = now < SmartRetryIdempotency.RepeatableUntil(firstCall)
            && (entry.Kind == PaymentKind.Refund || (await cards.OpenAsync<PaymentSubmissionResult>(entry.PaymentId, cancellationToken)).Card is not null);
        if (canRepeat && await durable.RestartFinishedAsync(entry.PaymentId, cancellationToken))
        {
            return Finding.Retry(ReconcilerOutcome.Resubmitted,
                "Its workflow was started again to repeat its SmartRetry call under the same idempotency key, since SmartRetry's answer was never learnt.",
                now + settings.RunningRecheck);
        }

        string refundNote = entry.Kind == PaymentKind.Refund ? " Its amount stays reserved on the original payment until a person settles it." : "";
        return await SettleAsync(entry, PaymentStatus.Error, entry.ReasonCode,
            $"Reconciler: whether SmartRetry took it is unknown, and it can no longer be asked safely (its idempotency key is past SmartRetry's 24 hours, or the card is no longer held). Look it up with SmartRetry by merchant_transaction_id {entry.MerchantTransactionId} before charging again.{refundNote}",
            cancellationToken,
            releaseReservation: false);
    }

    /// <summary>A sale's answer recorded in the card vault holds its transaction id even when the ledger never got it (a crash between the two).</summary>
    private async Task<string?> AnsweredTransactionAsync(PaymentLedgerEntry entry, CancellationToken cancellationToken) =>
        entry.Kind == PaymentKind.Sale ? (await cards.OpenAsync<PaymentSubmissionResult>(entry.PaymentId, cancellationToken)).Answer?.TransactionId : null;

    private async Task<Finding> SettleFromStatusAsync(PaymentLedgerEntry entry, string transactionId, int attempt, CancellationToken cancellationToken)
    {
        TransactionSnapshot snapshot;
        try
        {
            snapshot = await gateway.GetTransactionAsync(transactionId, cancellationToken);
        }
        catch (SmartRetryRejectedException rejected)
        {
            return Finding.Retry(ReconcilerOutcome.Unreachable, $"SmartRetry refused the status read of transaction {transactionId} (HTTP {rejected.StatusCode}); trying again later.");
        }

        string note = $"Reconciler: settled from SmartRetry's status of transaction {transactionId} (attempt {attempt}).";
        PaymentLedgerEntry read = entry with { TransactionId = transactionId, AttemptNumber = snapshot.AttemptNumber ?? entry.AttemptNumber, Card = snapshot.Card ?? entry.Card };
        return snapshot.Status switch
        {
            SmartRetryStatus.Approved => await SettleAsync(read, PaymentStatus.Approved, snapshot.ReasonCode, note, cancellationToken),
            SmartRetryStatus.Declined => await SettleAsync(read, PaymentStatus.Declined, snapshot.ReasonCode, note, cancellationToken),
            SmartRetryStatus.Error => await SettleAsync(read, PaymentStatus.Error, snapshot.ReasonCode, note, cancellationToken),
            SmartRetryStatus.Cancelled => await SettleAsync(read, PaymentStatus.Cancelled, snapshot.ReasonCode, note, cancellationToken),
            SmartRetryStatus.Unknown => await KeepUnresolvedAsync(read, snapshot.ReasonCode,
                $"SmartRetry reports transaction {transactionId} as UNKNOWN; asking again later.", cancellationToken),
            _ => Finding.Retry(ReconcilerOutcome.StillProcessing, $"SmartRetry is still processing transaction {transactionId}; asking again later."),
        };
    }

    /// <summary>A payment whose request was answered (503) before its orchestration was scheduled, and never repeated.</summary>
    private async Task<Finding> EndUnstartedAsync(PaymentLedgerEntry entry, DateTimeOffset now, CancellationToken cancellationToken)
    {
        IdempotencyRecord? claim = await idempotency.GetAsync(entry.PaymentId, cancellationToken);
        if (claim is { State: IdempotencyState.Claimed } && now - claim.ClaimedAt < requests.Value.ClaimLease)
        {
            return Finding.Wait(ReconcilerOutcome.StillRunning, "Its request is being carried out right now.", now + options.Value.FirstRetryDelay);
        }

        // Completing the claim first: a repeat of the request from now on answers with this payment, as it ends here.
        if (claim is { State: IdempotencyState.Claimed } && !await idempotency.CompleteAsync(claim, cancellationToken))
        {
            return Finding.Wait(ReconcilerOutcome.StillRunning, "Its request was repeated just now; it is left to that request.", now + options.Value.FirstRetryDelay);
        }

        return await SettleAsync(entry, PaymentStatus.Error, entry.ReasonCode,
            "Reconciler: its request failed before its workflow started, and was not repeated; nothing was sent to SmartRetry.", cancellationToken);
    }

    private async Task<Finding> SettleAsync(
        PaymentLedgerEntry entry, PaymentStatus status, string? reasonCode, string note, CancellationToken cancellationToken, bool releaseReservation = true)
    {
        await ledger.RecordAsync(entry with { Status = status, ReasonCode = reasonCode ?? entry.ReasonCode, Note = note, UpdatedAt = timeProvider.GetUtcNow() }, cancellationToken);
        if (releaseReservation && entry.Kind == PaymentKind.Refund && status != PaymentStatus.Approved && entry.OriginalPaymentId is { } original)
        {
            // No money moved: what the refund held of its original is free again.
            await refunds.ReleaseAsync(original, entry.PaymentId, cancellationToken);
        }

        return new Finding(ReconcilerOutcome.Settled, $"Settled as {status}. {note}", Next: null, IsAttempt: true);
    }

    private async Task<Finding> KeepUnresolvedAsync(PaymentLedgerEntry entry, string? reasonCode, string note, CancellationToken cancellationToken)
    {
        await ledger.RecordAsync(entry with { Status = PaymentStatus.NeedsAttention, ReasonCode = reasonCode ?? entry.ReasonCode, Note = note, UpdatedAt = timeProvider.GetUtcNow() }, cancellationToken);
        return Finding.Retry(ReconcilerOutcome.NeedsAttention, note);
    }

    private async Task<Finding> RemoveAsync(string paymentId, string note, CancellationToken cancellationToken)
    {
        await unresolved.RemoveAsync(paymentId, cancellationToken);
        return new Finding(ReconcilerOutcome.Removed, note, Next: null, IsAttempt: false);
    }

    // The sale and refund orchestrations publish a status other than "scheduled" as they submit, before calling SmartRetry.
    private static bool WasSubmitted(OrchestrationMetadata instance)
    {
        if (string.IsNullOrEmpty(instance.SerializedCustomStatus))
        {
            return false;
        }

        using JsonDocument status = JsonDocument.Parse(instance.SerializedCustomStatus);
        return status.RootElement.ValueKind == JsonValueKind.Object
            && status.RootElement.TryGetProperty("status", out JsonElement value)
            && value.ValueKind == JsonValueKind.String
            && value.GetString() != "scheduled";
    }

    private static string Ended(OrchestrationMetadata instance) => instance.RuntimeStatus switch
    {
        OrchestrationRuntimeStatus.Terminated => "was terminated",
        OrchestrationRuntimeStatus.Failed => "failed",
        _ => "ended",
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconciler looked at payment {PaymentId}: {Outcome} after {Attempts} attempts. {Note}")]
    private static partial void LogChecked(ILogger logger, string paymentId, ReconcilerOutcome outcome, int attempts, string note);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reconciler could not finish its look at payment {PaymentId}; it tries again later")]
    private static partial void LogCheckFailed(ILogger logger, string paymentId, Exception exception);

    /// <summary>What one look found: the outcome, in words, and when to look next (null: by the backoff, or never when settled).</summary>
    private sealed record Finding(ReconcilerOutcome Outcome, string Note, DateTimeOffset? Next, bool IsAttempt)
    {
        /// <summary>A look that did not settle the payment and counts as an attempt (it backs off).</summary>
        public static Finding Retry(ReconcilerOutcome outcome, string note, DateTimeOffset? next = null) => new(outcome, note, next, IsAttempt: true);

        /// <summary>A look that found nothing to do yet; it is not an attempt.</summary>
        public static Finding Wait(ReconcilerOutcome outcome, string note, DateTimeOffset next) => new(outcome, note, next, IsAttempt: false);
    }
}

/// <summary>What the reconciler's look at one payment found (its log line, its metric, its answer to an operator).</summary>
/// <param name="NextCheckAt">When it looks again; null when the payment is settled, no longer watched, or left to a person.</param>
public sealed record ReconcilerCheck(string PaymentId, ReconcilerOutcome Outcome, string Note, int Attempts, DateTimeOffset? NextCheckAt)
{
    /// <summary>The outcome as a metric tag and in the status answer: snake_case, a closed set.</summary>
    public static string Tag(ReconcilerOutcome outcome) => outcome switch
    {
        ReconcilerOutcome.StillRunning => "still_running",
        ReconcilerOutcome.Settled => "settled",
        ReconcilerOutcome.Resubmitted => "resubmitted",
        ReconcilerOutcome.StillProcessing => "still_processing",
        ReconcilerOutcome.NeedsAttention => "needs_attention",
        ReconcilerOutcome.Unreachable => "unreachable",
        ReconcilerOutcome.Removed => "removed",
        ReconcilerOutcome.Exhausted => "exhausted",
        _ => "other",
    };
}

public enum ReconcilerOutcome
{
    /// <summary>Its orchestration is still running (or its request is being carried out): left alone, not an attempt.</summary>
    StillRunning,

    /// <summary>A final status was recorded.</summary>
    Settled,

    /// <summary>Its orchestration was started again to repeat its SmartRetry call under the same key.</summary>
    Resubmitted,

    /// <summary>SmartRetry is still processing its transaction.</summary>
    StillProcessing,

    /// <summary>SmartRetry reports UNKNOWN.</summary>
    NeedsAttention,

    /// <summary>SmartRetry, storage or the Durable host could not be reached.</summary>
    Unreachable,

    /// <summary>It was found final already, or never recorded: no longer watched.</summary>
    Removed,

    /// <summary>The attempts are used up: a person settles it.</summary>
    Exhausted,
}
