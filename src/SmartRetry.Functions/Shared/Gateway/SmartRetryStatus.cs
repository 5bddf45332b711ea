namespace SmartRetry.Functions.Shared.Gateway;

/// <summary>SmartRetry's transaction status (smartretry-api.md §3.2). Unrecognised values read as <see cref="Unknown"/>.</summary>
public enum SmartRetryStatus
{
    Processing,
    Approved,
    Declined,
    Error,
    Cancelled,
    Unknown,
}
