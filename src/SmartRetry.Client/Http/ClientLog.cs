using Microsoft.Extensions.Logging;

namespace SmartRetry.Client.Http;

/// <summary>One structured event per HTTP attempt. Never the API key, never a body (bodies can hold card data).</summary>
internal static partial class ClientLog
{
    [LoggerMessage(EventId = 1, EventName = "SmartRetryAttempt", Level = LogLevel.Information,
        Message = "SmartRetry {Operation} attempt {Attempt} answered {StatusCode} in {DurationMs} ms (idempotency key {IdempotencyKey})")]
    public static partial void AttemptAnswered(ILogger logger, string operation, int attempt, int statusCode, double durationMs, string? idempotencyKey);

    [LoggerMessage(EventId = 2, EventName = "SmartRetryAttemptFailed", Level = LogLevel.Warning,
        Message = "SmartRetry {Operation} attempt {Attempt} got no answer ({Failure}) in {DurationMs} ms (idempotency key {IdempotencyKey})")]
    public static partial void AttemptFailed(ILogger logger, string operation, int attempt, string failure, double durationMs, string? idempotencyKey);

    [LoggerMessage(EventId = 3, EventName = "SmartRetryRateLimitWait", Level = LogLevel.Information,
        Message = "SmartRetry rate-limit window exhausted; waiting {DelayMs} ms for it to reset")]
    public static partial void WaitingForRateLimitReset(ILogger logger, double delayMs);
}
