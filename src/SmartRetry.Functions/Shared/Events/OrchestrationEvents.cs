using SmartRetry.Functions.Shared.Gateway;
using SmartRetry.Functions.Shared.Series;

namespace SmartRetry.Functions.Shared.Events;

/// <summary>Names of the events raised into orchestrations. One name per concern, so an orchestration can keep one long-lived wait per name.</summary>
public static class OrchestrationEventNames
{
    /// <summary>Any SmartRetry <c>transaction.*</c> webhook for the transaction an orchestration waits on; payload <see cref="TransactionEvent"/>.</summary>
    public const string Transaction = "SmartRetryTransaction";

    /// <summary>A merchant's request to cancel a future-dated payment before it fires; payload <see cref="CancelRequest"/>.</summary>
    public const string CancelRequested = "CancelRequested";
}

/// <summary>Events raised into the recurring orchestrations; one name per concern so each orchestration keeps one long-lived wait per name.</summary>
public static class RecurringEventNames
{
    /// <summary>Pause / resume / cancel / update amount for a series; payload <see cref="SeriesControl"/>.</summary>
    public const string Control = "RecurringSeriesControl";

    /// <summary>The series tells a running charge cycle to stop dunning (pause or cancel); payload <see cref="SeriesControl"/>.</summary>
    public const string CycleInterrupt = "RecurringCycleInterrupt";

    /// <summary>A SmartRetry <c>recurring.*</c> or <c>future_transaction.*</c> webhook for a followed series; payload <see cref="RecurringEvent"/>.</summary>
    public const string Recurring = "SmartRetryRecurring";
}

/// <summary>
/// A verified SmartRetry <c>transaction.*</c> webhook, reduced to what orchestrations decide on. Events can arrive twice and
/// out of order; <paramref name="CreatedAt"/> and the status progression let an orchestration ignore stale ones.
/// </summary>
/// <param name="Type">The webhook type, e.g. <c>transaction.approved</c>, <c>transaction.retry_scheduled</c>.</param>
public sealed record TransactionEvent(
    string EventId,
    string Type,
    DateTimeOffset CreatedAt,
    string? TransactionId,
    SmartRetryStatus? Status,
    string? ReasonCode,
    int? AttemptNumber);

/// <summary>
/// A verified SmartRetry <c>recurring.*</c> / <c>future_transaction.*</c> webhook reduced to what the follower orchestration
/// decides on. Its <c>data</c> shape is undocumented beyond "the relevant ids" (https://www.smartretry.com/docs/integration/webhooks), so every field
/// but the type is optional and the orchestration re-reads SmartRetry's state when something is missing.
/// </summary>
public sealed record RecurringEvent(
    string EventId,
    string Type,
    DateTimeOffset CreatedAt,
    string? RecurringId = null,
    string? TransactionId = null,
    string? FutureTransactionId = null,
    decimal? Amount = null,
    string? Currency = null,
    bool? Accepted = null)
{
    public const string Charged = "recurring.charged";
    public const string Completed = "recurring.completed";
    public const string Cancelled = "recurring.cancelled";
    public const string FutureScheduled = "future_transaction.scheduled";
    public const string FutureExecuted = "future_transaction.executed";
    public const string FutureCancelled = "future_transaction.cancelled";
}

public sealed record CancelRequest(string Reason, DateTimeOffset RequestedAt);
