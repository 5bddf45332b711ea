namespace SmartRetry.Payments.Gateway;

/// <summary>
/// What Payments needs from SmartRetry, in Payments' own terms. Implemented over <c>SmartRetryClient</c>; activities
/// depend on this port so workflow tests can count and script SmartRetry's answers. Every POST carries the caller's
/// idempotency key, so retries and replays never charge twice. Transport failures, 5xx and 429 surface as the client's
/// exceptions (the activity retry policy then retries with the same key); other 4xx, and requests the client refuses to
/// send, surface as <see cref="SmartRetryRejectedException"/>.
/// </summary>
public interface ISmartRetryGateway
{
    Task<SubmissionResult> SubmitSaleAsync(SaleSubmission sale, CancellationToken cancellationToken);

    /// <summary>Returns money from an approved sale or charge; the result carries the refund's own transaction id.</summary>
    Task<SubmissionResult> RefundAsync(RefundSubmission refund, CancellationToken cancellationToken);

    Task<TransactionSnapshot> GetTransactionAsync(string transactionId, CancellationToken cancellationToken);
}
