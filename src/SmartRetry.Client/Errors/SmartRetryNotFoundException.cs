namespace SmartRetry.Client.Errors;

/// <summary>404 (or a 400 carrying a <c>*_NOT_FOUND</c> reason): no such transaction, series, scheduled charge or terminal.</summary>
public class SmartRetryNotFoundException : SmartRetryException
{
    public SmartRetryNotFoundException()
    {
    }

    public SmartRetryNotFoundException(string message)
        : base(message)
    {
    }

    public SmartRetryNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SmartRetryNotFoundException(string message, int? statusCode, SmartRetryProblem? problem, Exception? innerException = null)
        : base(message, statusCode, problem, innerException)
    {
    }
}
