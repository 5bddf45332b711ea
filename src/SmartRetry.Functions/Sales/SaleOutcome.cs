using SmartRetry.Functions.Shared.Ledger;

namespace SmartRetry.Functions.Sales;

/// <summary>How a sale ended: the workflow's output, and what the ledger holds for it.</summary>
/// <param name="Note">Why the sale ended this way when the status alone does not say (refusal, outage, deadline, cancellation).</param>
public sealed record SaleOutcome(
    string PaymentId,
    PaymentStatus Status,
    string? TransactionId = null,
    string? ReasonCode = null,
    int? AttemptNumber = null,
    string? Note = null);
