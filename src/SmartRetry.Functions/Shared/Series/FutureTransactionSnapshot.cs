namespace SmartRetry.Functions.Shared.Series;

/// <summary>One scheduled charge of a platform-managed series (§2.12).</summary>
public sealed record FutureTransactionSnapshot(
    string FutureTransactionId,
    string RecurringId,
    DateOnly ScheduledDate,
    int? SequenceNumber,
    decimal Amount,
    string Currency,
    FutureTransactionStatus Status,
    string? ExecutedTransactionId = null,
    DateTimeOffset? ExecutedAt = null);

/// <summary>SmartRetry's future-transaction statuses (§3.2). Unrecognised values read as <see cref="Unknown"/>.</summary>
public enum FutureTransactionStatus
{
    Pending,
    Processing,
    Completed,
    Failed,
    Cancelled,
    Unknown,
}
