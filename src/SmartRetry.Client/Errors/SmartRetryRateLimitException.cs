namespace SmartRetry.Client.Errors;

/// <summary>429 after the retries ran out, or with a <c>Retry-After</c> longer than the client may wait.</summary>
public class SmartRetryRateLimitException : SmartRetryException
{
    public SmartRetryRateLimitException()
    {
    }

    public SmartRetryRateLimitException(string message)
        : base(message)
    {
    }

    public SmartRetryRateLimitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SmartRetryRateLimitException(string message, int? statusCode, SmartRetryProblem? problem, Exception? innerException = null)
        : base(message, statusCode, problem, innerException)
    {
    }

    /// <summary>How long SmartRetry asked us to wait, from <c>Retry-After</c> or <c>context.retry_after_seconds</c>.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
