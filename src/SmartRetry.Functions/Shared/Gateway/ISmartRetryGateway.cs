using SmartRetry.Functions.Shared.Cards;

namespace SmartRetry.Functions.Shared.Gateway;

/// <summary>
/// What the app needs from SmartRetry, in the app's own terms. Implemented over <c>SmartRetryClient</c>; activities
/// depend on this port so orchestration tests can count and script SmartRetry's answers. Every POST carries the caller's
/// idempotency key, so retries and replays never charge twice. Transport failures, 5xx and 429 surface as the client's
/// exceptions (the activity retry policy then retries with the same key). Other 4xx, and requests the client refuses to
/// send, are returned as the payment's <see cref="PaymentSubmissionResult.Rejection"/> (repeating cannot help, and the
/// orchestration reads the refusal from its result), and thrown by a status read as <see cref="SmartRetryRejectedException"/>.
/// </summary>
public interface ISmartRetryGateway
{
    /// <param name="card">The unsealed card: it is passed beside the sale, never inside a record that may be serialized.</param>
    Task<PaymentSubmissionResult> SubmitSaleAsync(SaleSubmission sale, CardDetails card, CancellationToken cancellationToken);

    /// <summary>Returns money from an approved sale or charge; the result carries the refund's own transaction id.</summary>
    Task<PaymentSubmissionResult> RefundAsync(RefundSubmission refund, CancellationToken cancellationToken);

    Task<TransactionSnapshot> GetTransactionAsync(string transactionId, CancellationToken cancellationToken);
}

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
