using SmartRetry.Functions.Shared.Durable;
using SmartRetry.Functions.Shared.Tracking;

namespace SmartRetry.Functions.Refunds;

/// <summary>
/// What the refund request handler schedules <see cref="RefundWorkflow"/> with (its Durable name is the class name).
/// The amount is the one reserved in the ledger; the tracking policy is the sale's, carried in the input so the
/// workflow never reads configuration.
/// </summary>
/// <param name="RefundPaymentId">The workflow instance id (<see cref="RefundInstanceIds"/>).</param>
/// <param name="RefundId">The merchant's id for the refund; sent to SmartRetry as its merchant transaction id.</param>
/// <param name="Reason">The merchant's note; kept in the workflow's status, never sent to SmartRetry.</param>
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
