using System.Net;
using Microsoft.Extensions.Logging;
using SmartRetry.Payments.Correlation;
using SmartRetry.Payments.Gateway;
using SmartRetry.Payments.Sales.Activities;

namespace SmartRetry.Payments.Refunds.Activities;

/// <summary>
/// Submits the refund to SmartRetry with the workflow's idempotency key and maps the refund's own transaction id to the
/// refund's instance, so its webhooks find it. Transient failures (transport, 5xx, 429) throw, and the workflow's retry
/// policy repeats the call with the same key; a refusal (4xx, e.g. <c>REFUND_AMOUNT_EXCEEDED</c>) is returned, since
/// repeating the same request cannot succeed. The answer has the sale submission's shape.
/// </summary>
public sealed class SubmitRefundActivity(ISmartRetryGateway gateway, ICorrelationStore correlations, ILogger<SubmitRefundActivity> logger)
{
    public async Task<SubmitSaleResult> RunAsync(SubmitRefundRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using IDisposable? scope = logger.BeginScope(new Dictionary<string, object> { ["PaymentId"] = request.RefundPaymentId, ["IdempotencyKey"] = request.IdempotencyKey });
        SubmissionResult submitted;
        try
        {
            submitted = await gateway.RefundAsync(
                new RefundSubmission(request.IdempotencyKey, request.OriginalTransactionId, request.OriginalOrderId, request.RefundId, request.Amount, request.Currency),
                cancellationToken);
        }
        catch (SmartRetryRejectedException rejected) when (rejected.StatusCode != (int)HttpStatusCode.TooManyRequests)
        {
            RefundLog.RefundRefused(logger, request.RefundPaymentId, rejected.StatusCode, rejected.ReasonCode);
            return new SubmitSaleResult(Accepted: false, TransactionId: null, OrderId: null, new SaleRejection(rejected.ReasonCode ?? $"HTTP_{rejected.StatusCode}", rejected.StatusCode));
        }

        if (submitted.TransactionId is { } transactionId)
        {
            await correlations.AddAsync(CorrelationKind.Transaction, transactionId, request.RefundPaymentId, cancellationToken);
        }

        RefundLog.RefundSubmitted(logger, request.RefundPaymentId, submitted.TransactionId, submitted.Accepted, submitted.Replayed);
        return new SubmitSaleResult(submitted.Accepted, submitted.TransactionId, submitted.OrderId);
    }
}
