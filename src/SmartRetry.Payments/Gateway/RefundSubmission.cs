namespace SmartRetry.Payments.Gateway;

/// <summary>
/// A refund as the submit activity hands it to SmartRetry (smartretry-api.md §2.4): the original transaction and order
/// it returns money from, and the exact amount our ledger reserved for it, so SmartRetry refunds what we recorded.
/// </summary>
/// <param name="MerchantTransactionId">Our id for the refund; SmartRetry requires it to differ from the original's.</param>
/// <param name="Currency">The original's currency; SmartRetry refuses any other.</param>
public sealed record RefundSubmission(
    string IdempotencyKey,
    string OriginalTransactionId,
    string OriginalOrderId,
    string MerchantTransactionId,
    decimal Amount,
    string Currency);
