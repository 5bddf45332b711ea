namespace SmartRetry.Functions.Shared.Series;

/// <summary>SmartRetry's answer to a recurring or future-transaction charge. <paramref name="Accepted"/> false is a decline, not an error.</summary>
/// <param name="Replayed">SmartRetry replayed a stored answer for this idempotency key (no second operation).</param>
public sealed record SubmissionResult(bool Accepted, string? TransactionId, string? OrderId, bool Replayed = false);
