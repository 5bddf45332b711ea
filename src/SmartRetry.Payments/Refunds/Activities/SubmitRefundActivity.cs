using Microsoft.Extensions.Logging;
using SmartRetry.Payments.Correlation;
using SmartRetry.Payments.Gateway;

namespace SmartRetry.Payments.Refunds.Activities;

/// <summary>
/// Submits the refund to SmartRetry with the workflow's idempotency key, as a sale is submitted
/// (<see cref="PaymentSubmission"/>): a refusal such as <c>REFUND_AMOUNT_EXCEEDED</c> is returned, transient failures
/// throw for the retry policy, and the refund's own transaction id is correlated to the refund's instance.
/// </summary>
public sealed class SubmitRefundActivity(ISmartRetryGateway gateway, ICorrelationStore correlations, EarlyTransactionEvents earlyEvents, ILogger<SubmitRefundActivity> logger)
{
    public const string Name = "SubmitRefund";

    public async Task<PaymentSubmissionResult> RunAsync(SubmitRefundRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using IDisposable? scope = logger.BeginScope(new Dictionary<string, object> { ["PaymentId"] = request.RefundPaymentId, ["IdempotencyKey"] = request.IdempotencyKey });
        return await PaymentSubmission.RunAsync(
            () => gateway.RefundAsync(
                new RefundSubmission(request.IdempotencyKey, request.OriginalTransactionId, request.OriginalOrderId, request.RefundId, request.Amount, request.Currency),
                cancellationToken),
            request.RefundPaymentId,
            correlations,
            earlyEvents,
            rejected => RefundLog.RefundRefused(logger, request.RefundPaymentId, rejected.StatusCode, rejected.ReasonCode),
            submitted => RefundLog.RefundSubmitted(logger, request.RefundPaymentId, submitted.TransactionId, submitted.Accepted, submitted.Replayed),
            cancellationToken);
    }
}
