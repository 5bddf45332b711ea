namespace SmartRetry.Functions.Shared.Idempotency;

/// <summary>The answer to a claim: <paramref name="IsNew"/> when this caller inserted the record and must carry the request out.</summary>
/// <param name="Record">The record now on file: the caller's own when new, otherwise the one that was there.</param>
public sealed record IdempotencyClaim(bool IsNew, IdempotencyRecord Record);
