namespace SmartRetry.Client.Errors;

/// <summary>409: the resource's state forbids the operation, or the idempotency key was reused with a different body.</summary>
public class SmartRetryConflictException : SmartRetryException
{
    public SmartRetryConflictException()
    {
    }

    public SmartRetryConflictException(string message)
        : base(message)
    {
    }

    public SmartRetryConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SmartRetryConflictException(string message, int? statusCode, SmartRetryProblem? problem, Exception? innerException = null)
        : base(message, statusCode, problem, innerException)
    {
    }

    /// <summary>The idempotency key was reused with a different body: a bug on our side; never retry with that key.</summary>
    public bool IsIdempotencyConflict => ReasonCode == "IDEMPOTENCY_CONFLICT";
}
