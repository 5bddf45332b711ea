namespace SmartRetry.Functions.Shared.Series;

/// <summary>SmartRetry's answer to <c>recurring_init</c>: <paramref name="Accepted"/> false means the first payment was declined and no series exists.</summary>
public sealed record RecurringInitReply(bool Accepted, string? TransactionId, string? OrderId, string? RecurringId);
