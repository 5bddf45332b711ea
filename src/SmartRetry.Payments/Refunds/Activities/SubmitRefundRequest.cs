namespace SmartRetry.Payments.Refunds.Activities;

/// <summary>The submit activity's input. <paramref name="IdempotencyKey"/> is derived by the workflow, so activity retries repeat it.</summary>
/// <param name="RefundPaymentId">The refund's workflow instance id: SmartRetry's refund transaction id is correlated to it.</param>
public sealed record SubmitRefundRequest(
    string RefundPaymentId,
    string IdempotencyKey,
    string OriginalTransactionId,
    string OriginalOrderId,
    string RefundId,
    decimal Amount,
    string Currency);
