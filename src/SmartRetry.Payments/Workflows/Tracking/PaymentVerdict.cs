using SmartRetry.Payments.Ledger;

namespace SmartRetry.Payments.Workflows.Tracking;

/// <summary>How a payment workflow decided its payment ended, before it records that.</summary>
/// <param name="Note">Why it ended this way when the status alone does not say.</param>
public sealed record PaymentVerdict(PaymentStatus Status, string? ReasonCode = null, string? Note = null);
