namespace SmartRetry.Client.Errors;

/// <summary>Any other failure SmartRetry answered with: 5xx after the retries ran out, or an unexpected status or body.</summary>
public class SmartRetryApiException : SmartRetryException
{
    public SmartRetryApiException()
    {
    }

    public SmartRetryApiException(string message)
        : base(message)
    {
    }

    public SmartRetryApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SmartRetryApiException(string message, int? statusCode, SmartRetryProblem? problem, Exception? innerException = null)
        : base(message, statusCode, problem, innerException)
    {
    }
}
