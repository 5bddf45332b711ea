namespace SmartRetry.Client.Webhooks;

/// <summary>Why a webhook delivery was rejected.</summary>
public enum SignatureFailureReason
{
    /// <summary>No <c>X-SmartRetry-Signature</c> header.</summary>
    MissingHeader,

    /// <summary>The header lacks <c>t</c> or <c>v1</c>, or is not <c>key=value</c> pairs.</summary>
    MalformedHeader,

    /// <summary><c>t</c> is not a Unix time in whole seconds.</summary>
    InvalidTimestamp,

    /// <summary><c>t</c> is further from now than the tolerance, in either direction.</summary>
    TimestampOutsideTolerance,

    /// <summary>No <c>v1</c> is 64 hexadecimal characters.</summary>
    MalformedSignature,

    /// <summary>No <c>v1</c> matches: the body was altered, or the secret is wrong.</summary>
    SignatureMismatch,

    /// <summary>The signature is valid but the body is not a SmartRetry event.</summary>
    InvalidPayload,
}
