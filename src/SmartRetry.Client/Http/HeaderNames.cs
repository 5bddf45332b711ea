namespace SmartRetry.Client.Http;

internal static class HeaderNames
{
    public const string ApiKey = "x-api-key";
    public const string IdempotencyKey = "Idempotency-Key";
    public const string IdempotencyReplayed = "Idempotency-Replayed";
    public const string LegacyIdempotencyReplayed = "X-Idempotency-Replayed";
    public const string IdempotencyExpires = "Idempotency-Expires";
    public const string RetryAfter = "Retry-After";
    public const string RateLimitLimit = "X-RateLimit-Limit";
    public const string RateLimitRemaining = "X-RateLimit-Remaining";
    public const string RateLimitReset = "X-RateLimit-Reset";
}
