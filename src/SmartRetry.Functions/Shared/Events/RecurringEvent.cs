namespace SmartRetry.Functions.Shared.Events;

/// <summary>
/// A verified SmartRetry <c>recurring.*</c> / <c>future_transaction.*</c> webhook reduced to what the follower workflow
/// decides on. Its <c>data</c> shape is undocumented beyond "the relevant ids" (smartretry-api.md §6.3), so every field
/// but the type is optional and the workflow re-reads SmartRetry's state when something is missing.
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
