using SmartRetry.Payments.Gateway;

namespace SmartRetry.Payments.Recurring.Activities;

/// <summary>What is known about one charge attempt. <see cref="TransactionStatus.Processing"/> means the outcome is still to come.</summary>
public sealed record ChargeAttemptResult(string? TransactionId, TransactionStatus Status, string? ReasonCode = null, string? Domain = null)
{
    public bool IsFinal => Status is TransactionStatus.Approved or TransactionStatus.Declined or TransactionStatus.Error or TransactionStatus.Cancelled;
}
