namespace SmartRetry.Client.Errors;

/// <summary>429 after the retries ran out, or with a <c>Retry-After</c> longer than the client may wait (<see cref="SmartRetryException.RetryAfter"/>).</summary>
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
}
