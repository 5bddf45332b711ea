using System.Text.Json.Serialization;
using SmartRetry.Functions.Shared.Durable;
using SmartRetry.Functions.Shared.Ledger;
using SmartRetry.Functions.Shared.Tracking;

namespace SmartRetry.Functions.Refunds;

/// <summary>
/// What the refund request handler schedules <see cref="RefundWorkflow"/> with (its Durable name is the class name).
/// The amount is the one reserved in the ledger; the tracking policy is the sale's, carried in the input so the
/// orchestration never reads configuration.
/// </summary>
/// <param name="RefundPaymentId">The orchestration instance id (<see cref="RefundInstanceIds"/>).</param>
/// <param name="RefundId">The merchant's id for the refund; sent to SmartRetry as its merchant transaction id.</param>
/// <param name="Reason">The merchant's note; kept in the orchestration's status, never sent to SmartRetry.</param>
public sealed record RefundInput(
    string RefundPaymentId,
    string OriginalPaymentId,
    string RefundId,
    string OriginalTransactionId,
    string OriginalOrderId,
    decimal Amount,
    string Currency,
    TrackingPolicy Tracking,
    string? Reason = null);

/// <summary>
/// The body of <c>POST /api/payments/{paymentId}/refund</c> (snake_case JSON per <c>PaymentsJson</c>). Every field is
/// nullable so a missing one is reported by validation, naming the field. Unknown fields are rejected.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record PaymentRefundRequest
{
    /// <summary>The merchant's key for this refund: the same refund id again is the same refund.</summary>
    public string? RefundId { get; init; }

    /// <summary>Major units, with at most the original's currency decimals; omitted refunds all that is left.</summary>
    public decimal? Amount { get; init; }

    public string? Reason { get; init; }
}

/// <summary>A refund request whose fields passed validation; the amount is checked against the original next.</summary>
/// <param name="Amount">Null refunds all that is left of the original.</param>
public sealed record ValidatedRefund(string RefundId, decimal? Amount, string? Reason);

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

/// <summary>The refund orchestration's custom status, for operators and the status API.</summary>
public sealed record RefundProgress(
    PaymentStatus Status,
    string OriginalPaymentId,
    decimal Amount,
    string? Reason = null,
    string? TransactionId = null,
    DateTimeOffset? Deadline = null,
    int? AttemptNumber = null);

/// <summary>How a refund ended: the orchestration's output, and what the ledger holds for it.</summary>
/// <param name="Note">Why the refund ended this way when the status alone does not say.</param>
public sealed record RefundOutcome(
    string RefundPaymentId,
    string OriginalPaymentId,
    PaymentStatus Status,
    decimal Amount,
    string? TransactionId = null,
    string? ReasonCode = null,
    string? Note = null);

/// <summary>The release activity's input: the refund whose reservation on its original payment is given back.</summary>
public sealed record RefundRelease(string OriginalPaymentId, string RefundPaymentId);
