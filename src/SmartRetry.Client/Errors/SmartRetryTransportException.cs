namespace SmartRetry.Client.Errors;

/// <summary>SmartRetry did not answer: connection failures or timeouts outlasted the retries. The outcome of a POST is unknown, so retry it with the same idempotency key.</summary>
public class SmartRetryTransportException : SmartRetryException
{
    public SmartRetryTransportException()
    {
    }

    public SmartRetryTransportException(string message)
        : base(message)
    {
    }

    public SmartRetryTransportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SmartRetryTransportException(string message, int? statusCode, SmartRetryProblem? problem, Exception? innerException = null)
        : base(message, statusCode, problem, innerException)
    {
    }
}
