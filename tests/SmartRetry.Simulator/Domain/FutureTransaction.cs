namespace SmartRetry.Simulator.Domain;

/// <summary>One scheduled charge of a platform-managed series (§2.12).</summary>
internal sealed class FutureTransaction
{
    public required string FutureTransactionId { get; init; }

    public required string RecurringId { get; init; }

    public required int SequenceNumber { get; init; }

    public required string Currency { get; init; }

    public required DateOnly ScheduledDate { get; set; }

    public required decimal Amount { get; set; }

    /// <summary><c>pending</c>, <c>processing</c>, <c>completed</c>, <c>failed</c> or <c>cancelled</c>.</summary>
    public string Status { get; set; } = "pending";

    /// <summary>Set when the amount was changed for this occurrence only, so a series amount update leaves it alone.</summary>
    public bool AmountOverridden { get; set; }

    public string? ExecutedTransactionId { get; set; }

    public DateTimeOffset? ExecutedAt { get; set; }
}
