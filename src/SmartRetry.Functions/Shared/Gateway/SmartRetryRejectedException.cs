namespace SmartRetry.Functions.Shared.Gateway;

/// <summary>SmartRetry refused the request itself (4xx): retrying the same request cannot help.</summary>
public sealed class SmartRetryRejectedException : Exception
{
    public SmartRetryRejectedException()
    {
    }

    public SmartRetryRejectedException(string message)
        : base(message)
    {
    }

    public SmartRetryRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SmartRetryRejectedException(int statusCode, string? reasonCode, string message)
        : base(message)
    {
        StatusCode = statusCode;
        ReasonCode = reasonCode;
    }

    public int StatusCode { get; }

    public string? ReasonCode { get; }
}
