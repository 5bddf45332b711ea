namespace SmartRetry.Client;

/// <summary>A successful SmartRetry answer with what its headers said.</summary>
/// <param name="Value">The parsed body.</param>
/// <param name="StatusCode">The HTTP status of the final attempt.</param>
/// <param name="IdempotencyKey">The key the request carried (POST only).</param>
/// <param name="IdempotencyReplayed">SmartRetry replayed a stored answer: the operation did not run a second time.</param>
/// <param name="IdempotencyExpires">When SmartRetry forgets the key (<c>Idempotency-Expires</c>).</param>
/// <param name="RateLimit">The rate-limit headers, when sent.</param>
/// <param name="Attempts">HTTP attempts made, 1 when the first succeeded.</param>
public sealed record SmartRetryResponse<T>(
    T Value,
    int StatusCode,
    string? IdempotencyKey,
    bool IdempotencyReplayed,
    DateTimeOffset? IdempotencyExpires,
    RateLimitInfo? RateLimit,
    int Attempts);
