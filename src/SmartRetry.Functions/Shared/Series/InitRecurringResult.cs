namespace SmartRetry.Functions.Shared.Series;

/// <summary>SmartRetry's answer to <c>recurring_init</c>, without card data. Not accepted: the first payment was declined and no series exists.</summary>
public sealed record InitRecurringResult(bool Accepted, string? RecurringId, string? TransactionId, string? ReasonCode = null);
