using SmartRetry.Functions.Shared.Ledger;

namespace SmartRetry.Functions.Refunds;

/// <summary>How a refund ended: the workflow's output, and what the ledger holds for it.</summary>
/// <param name="Note">Why the refund ended this way when the status alone does not say.</param>
public sealed record RefundOutcome(
    string RefundPaymentId,
    string OriginalPaymentId,
    PaymentStatus Status,
    decimal Amount,
    string? TransactionId = null,
    string? ReasonCode = null,
    string? Note = null);
