using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using SmartRetry.Client.Webhooks;
using SmartRetry.Functions.Shared.Cards;
using SmartRetry.Functions.Shared.Durable;
using SmartRetry.Functions.Shared.Events;
using SmartRetry.Functions.Shared.Gateway;
using SmartRetry.Functions.Shared.Ledger;

namespace SmartRetry.Functions.Shared.Tracking;

/// <summary>
/// Follows one SmartRetry transaction to its outcome inside an orchestration (sales and refunds alike): SmartRetry's
/// <c>transaction.*</c> webhooks, with status polls on a backoff timer when they do not come, until a final status or
/// the deadline. UNKNOWN ends as needs-attention and is never guessed. Orchestration code: deterministic, durable calls only.
/// </summary>
/// <remarks>
/// Events are waited for through one <see cref="ExternalEventInbox{T}"/> that lives across all poll iterations (never
/// cancelled); only the poll timers are cancelled. An approval is trusted as it arrives (APPROVED is
/// terminal); a decline, error or cancellation event is confirmed with a status poll, because SmartRetry does not say
/// whether those fire for each failed attempt that its own retries may still overturn (https://www.smartretry.com/docs/integration/webhooks).
/// </remarks>
public sealed class TransactionTracker
{
    private readonly TaskOrchestrationContext context;
    private readonly string paymentId;
    private readonly ILogger logger;
    private readonly Action<TransactionProgress> progressChanged;
    private readonly HashSet<string> seenEventIds = [];

    // The orchestration's wait for transaction events: the one given, or one armed by AwaitOutcomeAsync before any use.
    private ExternalEventInbox<TransactionEvent>? events;

    /// <param name="paymentId">The orchestration's payment, for logs.</param>
    /// <param name="logger">The orchestration's replay-safe logger.</param>
    /// <param name="progressChanged">Called whenever <see cref="Progress"/> may have changed, to publish it.</param>
    /// <param name="events">The orchestration's transaction events, when it tracks several transactions one after another (a
    /// charge cycle's attempts) and so keeps one wait across them; otherwise the tracker arms its own.</param>
    public TransactionTracker(
        TaskOrchestrationContext context,
        string paymentId,
        string transactionId,
        ILogger logger,
        Action<TransactionProgress> progressChanged,
        ExternalEventInbox<TransactionEvent>? events = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrEmpty(transactionId);
        this.context = context;
        this.paymentId = paymentId;
        TransactionId = transactionId;
        this.logger = logger;
        this.progressChanged = progressChanged;
        this.events = events;
    }

    public string TransactionId { get; }

    public TransactionProgress Progress { get; private set; } = new();

    /// <summary>The tokenized card as the latest status read showed it.</summary>
    public CardSummary? Card { get; private set; }

    /// <summary>The latest status read, when there was one (its domain classifies a decline).</summary>
    public TransactionSnapshot? LastSnapshot { get; private set; }

    /// <summary>Waits for the transaction's outcome until <paramref name="deadline"/>, polling on <paramref name="policy"/>'s backoff.</summary>
    /// <param name="earlyEvents">Webhooks that came before the transaction was mapped to this instance (read by the submit activity); taken first.</param>
    public async Task<PaymentVerdict> AwaitOutcomeAsync(TrackingPolicy policy, DateTime deadline, IReadOnlyList<TransactionEvent>? earlyEvents = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        PaymentVerdict? verdict = null;
        foreach (TransactionEvent early in earlyEvents ?? [])
        {
            verdict ??= await OnEventAsync(early);
        }

        TimeSpan pollDelay = policy.FirstPollDelay;
        while (verdict is null)
        {
            verdict = await WaitForEventAsync(Min(context.CurrentUtcDateTime + pollDelay, deadline))
                ?? await PollAsync()
                ?? await TakeArrivedEventsAsync()
                ?? (context.CurrentUtcDateTime >= deadline
                    ? new PaymentVerdict(PaymentStatus.DeadlineReached, Note: $"No final status within {policy.Deadline}; SmartRetry may still settle it: check before trying again.")
                    : null);
            pollDelay = Min(pollDelay * policy.PollBackoff, policy.MaxPollInterval);
        }

        return verdict;
    }

    /// <summary>Takes events as they come until one decides the outcome or the poll timer fires; only the timer is ever cancelled.</summary>
    private async Task<PaymentVerdict?> WaitForEventAsync(DateTime pollAt)
    {
        ExternalEventInbox<TransactionEvent> stream = events ??= new ExternalEventInbox<TransactionEvent>(context, OrchestrationEventNames.Transaction);
        using var pollCancellation = new CancellationTokenSource();
        Task pollTimer = context.CreateTimer(pollAt, pollCancellation.Token);
        while (await Task.WhenAny(stream.Next, pollTimer) == stream.Next)
        {
            if (await TakeEventAsync() is { } verdict)
            {
                pollCancellation.Cancel();
                return verdict;
            }
        }

        return null;
    }

    /// <summary>Webhooks that arrived while the poll was in flight: news the deadline must not hide.</summary>
    private async Task<PaymentVerdict?> TakeArrivedEventsAsync()
    {
        while (events!.Next.IsCompleted)
        {
            if (await TakeEventAsync() is { } verdict)
            {
                return verdict;
            }
        }

        return null;
    }

    /// <summary>The transaction as SmartRetry's status endpoint shows it; null when it stayed unreachable through the retry policy.</summary>
    public async Task<TransactionSnapshot?> ReadStatusAsync()
    {
        TransactionSnapshot snapshot;
        try
        {
            snapshot = await context.CallActivityAsync<TransactionSnapshot>(nameof(GetTransactionStatus), TransactionId, ActivityOptions.SmartRetryOutage);
        }
        catch (TaskFailedException)
        {
            TrackingLog.PollFailed(logger, paymentId, TransactionId);
            return null;
        }

        LastSnapshot = snapshot;
        Card = snapshot.Card ?? Card;
        Update(Progress with { AttemptNumber = Max(Progress.AttemptNumber, snapshot.AttemptNumber) });
        return snapshot;
    }

    /// <summary>Takes the event that completed the wait (arming the next before anything else happens) and acts on it.</summary>
    private Task<PaymentVerdict?> TakeEventAsync() => OnEventAsync(events!.Take());

    private async Task<PaymentVerdict?> OnEventAsync(TransactionEvent received)
    {
        if (!seenEventIds.Add(received.EventId) || (received.TransactionId is { } id && id != TransactionId))
        {
            return null;
        }

        TrackingLog.TransactionEventReceived(logger, paymentId, received.Type, received.TransactionId, received.AttemptNumber);
        int? attemptNumber = Max(Progress.AttemptNumber, received.AttemptNumber);
        switch (received.Type)
        {
            case WebhookEventTypes.TransactionRetryScheduled:
                Update(Progress with { RetriesScheduled = Progress.RetriesScheduled + 1, AttemptNumber = attemptNumber });
                return null;
            case WebhookEventTypes.TransactionRetryAttempted:
                Update(Progress with { RetriesAttempted = Progress.RetriesAttempted + 1, AttemptNumber = attemptNumber });
                return null;
        }

        Update(Progress with { AttemptNumber = attemptNumber });
        return received.Status switch
        {
            SmartRetryStatus.Approved => new PaymentVerdict(PaymentStatus.Approved, received.ReasonCode),
            SmartRetryStatus.Declined or SmartRetryStatus.Error or SmartRetryStatus.Cancelled or SmartRetryStatus.Unknown => await PollAsync(),
            _ => null,
        };
    }

    /// <summary>Reads SmartRetry's status once, now: a verdict when it is final or UNKNOWN, null while it is processing or unreachable.</summary>
    public Task<PaymentVerdict?> CheckNowAsync() => PollAsync();

    private async Task<PaymentVerdict?> PollAsync() => await ReadStatusAsync() is not { } snapshot ? null : snapshot.Status switch
    {
        SmartRetryStatus.Approved => new PaymentVerdict(PaymentStatus.Approved, snapshot.ReasonCode),
        SmartRetryStatus.Declined => new PaymentVerdict(PaymentStatus.Declined, snapshot.ReasonCode),
        SmartRetryStatus.Error => new PaymentVerdict(PaymentStatus.Error, snapshot.ReasonCode),
        SmartRetryStatus.Cancelled => new PaymentVerdict(PaymentStatus.Cancelled, snapshot.ReasonCode),
        SmartRetryStatus.Unknown => new PaymentVerdict(PaymentStatus.NeedsAttention, snapshot.ReasonCode,
            "SmartRetry reported UNKNOWN: find out what happened before acting on this payment again."),
        _ => null,
    };

    private void Update(TransactionProgress next)
    {
        Progress = next;
        progressChanged(next);
    }

    private static int? Max(int? a, int? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}

/// <summary>How a payment orchestration decided its payment ended, before it records that.</summary>
/// <param name="Note">Why it ended this way when the status alone does not say.</param>
public sealed record PaymentVerdict(PaymentStatus Status, string? ReasonCode = null, string? Note = null);

/// <summary>What tracking has learnt of SmartRetry's own retries of a transaction, for the orchestration's custom status.</summary>
/// <param name="AttemptNumber">SmartRetry's latest attempt number; above 1 means SmartRetry has retried.</param>
public sealed record TransactionProgress(int RetriesScheduled = 0, int RetriesAttempted = 0, int? AttemptNumber = null);

/// <summary>Structured log messages of transaction tracking. None carries card data.</summary>
internal static partial class TrackingLog
{
    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "Payment {PaymentId}: status poll of transaction {TransactionId} failed after retries; still waiting")]
    public static partial void PollFailed(ILogger logger, string paymentId, string transactionId);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Information, Message = "Payment {PaymentId}: SmartRetry {EventType} for transaction {TransactionId} (attempt {AttemptNumber})")]
    public static partial void TransactionEventReceived(ILogger logger, string paymentId, string eventType, string? transactionId, int? attemptNumber);
}
