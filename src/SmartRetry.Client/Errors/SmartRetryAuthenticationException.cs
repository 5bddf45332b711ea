namespace SmartRetry.Client.Errors;

/// <summary>401: the API key is missing, malformed or revoked. Not retried.</summary>
public class SmartRetryAuthenticationException : SmartRetryException
{
    public SmartRetryAuthenticationException()
    {
    }

    public SmartRetryAuthenticationException(string message)
        : base(message)
    {
    }

    public SmartRetryAuthenticationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SmartRetryAuthenticationException(string message, int? statusCode, SmartRetryProblem? problem, Exception? innerException = null)
        : base(message, statusCode, problem, innerException)
    {
    }
}
