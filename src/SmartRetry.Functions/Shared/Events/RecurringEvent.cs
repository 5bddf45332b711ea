namespace SmartRetry.Functions.Shared.Events;

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
