using SmartRetry.Functions.Shared.Ledger;

namespace SmartRetry.Functions.Shared.Tracking;

/// <summary>How a payment orchestration decided its payment ended, before it records that.</summary>
/// <param name="Note">Why it ended this way when the status alone does not say.</param>
public sealed record PaymentVerdict(PaymentStatus Status, string? ReasonCode = null, string? Note = null);
