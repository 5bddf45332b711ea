using SmartRetry.Client.Errors;

namespace SmartRetry.Client.Webhooks;

/// <summary>A webhook delivery that must not be processed. The message says why, never the secret.</summary>
public sealed class SignatureVerificationException : SmartRetryException
{
    public SignatureVerificationException()
    {
    }

    public SignatureVerificationException(string message)
        : base(message)
    {
    }

    public SignatureVerificationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SignatureVerificationException(SignatureFailureReason reason, string message, Exception? innerException = null)
        : base(message, statusCode: null, problem: null, innerException)
    {
        Reason = reason;
    }

    public SignatureFailureReason Reason { get; }
}
