namespace SmartRetry.Client.Errors;

/// <summary>403: the API key may not use this terminal or resource. Not retried.</summary>
public class SmartRetryPermissionException : SmartRetryException
{
    public SmartRetryPermissionException()
    {
    }

    public SmartRetryPermissionException(string message)
        : base(message)
    {
    }

    public SmartRetryPermissionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SmartRetryPermissionException(string message, int? statusCode, SmartRetryProblem? problem, Exception? innerException = null)
        : base(message, statusCode, problem, innerException)
    {
    }
}
