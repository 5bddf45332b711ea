namespace SmartRetry.Client.Webhooks;

/// <summary>A webhook delivery that must not be processed. The message says why, never the secret.</summary>
public sealed class SignatureVerificationException : Exception
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
        : base(message, innerException)
    {
        Reason = reason;
    }

    public SignatureFailureReason Reason { get; }
}
