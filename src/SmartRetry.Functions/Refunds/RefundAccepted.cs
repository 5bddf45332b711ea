using SmartRetry.Functions.Shared.Ledger;

namespace SmartRetry.Functions.Refunds;

/// <summary>The <c>202 Accepted</c> body of a refund request.</summary>
/// <param name="PaymentId">The refund's own payment id; its status is at <see cref="RefundLinks.Status"/>.</param>
/// <param name="Amount">The amount reserved and sent to SmartRetry (all that was left when the request omitted it).</param>
/// <param name="Replayed">True when this repeats an earlier identical request: nothing new was scheduled.</param>
public sealed record RefundAccepted(
    string PaymentId,
    string OriginalPaymentId,
    string RefundId,
    decimal Amount,
    string Currency,
    PaymentStatus Status,
    bool Replayed,
    RefundLinks Links);

/// <param name="Original">The refunded payment's status route.</param>
public sealed record RefundLinks(string Status, string Original);
