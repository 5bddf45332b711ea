using SmartRetry.Functions.Shared.Events;
using SmartRetry.Functions.Shared.Gateway;
using SmartRetry.Functions.Shared.Ledger;

namespace SmartRetry.Functions.Series.MerchantManaged;

/// <summary>What is known about one charge attempt. <see cref="SmartRetryStatus.Processing"/> means the outcome is still to come.</summary>
/// <param name="EarlyEvents">Set only by the charge activity: the transaction's webhooks that arrived before it was mapped to the cycle.</param>
public sealed record ChargeAttemptResult(
    string? TransactionId, SmartRetryStatus Status, string? ReasonCode = null, string? Domain = null, IReadOnlyList<TransactionEvent>? EarlyEvents = null)
{
    public bool IsFinal => Status is SmartRetryStatus.Approved or SmartRetryStatus.Declined or SmartRetryStatus.Error or SmartRetryStatus.Cancelled;
}
