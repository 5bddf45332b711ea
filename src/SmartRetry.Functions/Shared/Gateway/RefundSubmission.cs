namespace SmartRetry.Functions.Shared.Gateway;

/// <summary>
/// A refund as the orchestration hands it to the submit activity, and the activity to the gateway (https://www.smartretry.com/docs/api-reference/payments/refund):
/// the original transaction and order it returns money from, and the exact amount our ledger reserved for it, so
/// SmartRetry refunds what we recorded. <paramref name="IdempotencyKey"/> is derived by the orchestration, so activity
/// retries repeat it.
/// </summary>
/// <param name="RefundPaymentId">The refund's orchestration instance id: SmartRetry's refund transaction id is correlated to it.</param>
/// <param name="RefundId">Our merchant transaction id for the refund; SmartRetry requires it to differ from the original's.</param>
/// <param name="Currency">The original's currency; SmartRetry refuses any other.</param>
public sealed record RefundSubmission(
    string RefundPaymentId,
    string IdempotencyKey,
    string OriginalTransactionId,
    string OriginalOrderId,
    string RefundId,
    decimal Amount,
    string Currency);
