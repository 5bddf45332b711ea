namespace SmartRetry.Functions.Shared.Gateway;

/// <summary>SmartRetry's transaction status (https://www.smartretry.com/docs/concepts/transaction-statuses). Unrecognised values read as <see cref="Unknown"/>.</summary>
public enum SmartRetryStatus
{
    Processing,
    Approved,
    Declined,
    Error,
    Cancelled,
    Unknown,
}
