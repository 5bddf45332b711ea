using SmartRetry.Functions.Shared.Gateway;

namespace SmartRetry.Functions.Shared.Events;

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
