namespace SmartRetry.Functions.Shared.Ledger;

/// <summary>Our view of a payment. SmartRetry's transaction statuses map onto it; the last three are ours.</summary>
public enum PaymentStatus
{
    Scheduled,
    Submitted,
    Processing,
    Approved,
    Declined,
    Cancelled,
    Error,

    /// <summary>SmartRetry reported UNKNOWN: a person must find out what happened; never guessed.</summary>
    NeedsAttention,

    /// <summary>No final outcome arrived before the orchestration's deadline.</summary>
    DeadlineReached,
}
