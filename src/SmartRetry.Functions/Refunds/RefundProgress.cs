using SmartRetry.Functions.Shared.Ledger;

namespace SmartRetry.Functions.Refunds;

/// <summary>The refund workflow's custom status, for operators and the status API.</summary>
public sealed record RefundProgress(
    PaymentStatus Status,
    string OriginalPaymentId,
    decimal Amount,
    string? Reason = null,
    string? TransactionId = null,
    DateTimeOffset? Deadline = null,
    int? AttemptNumber = null);
