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

/// <summary>
/// The order in which a payment's status may move. Webhooks arrive out of order and twice, so a write that would move
/// a payment backwards (e.g. PROCESSING after APPROVED) is ignored rather than applied.
/// </summary>
public static class PaymentStatusProgression
{
    public static bool IsFinal(this PaymentStatus status) =>
        status is PaymentStatus.Approved or PaymentStatus.Declined or PaymentStatus.Cancelled or PaymentStatus.Error;

    /// <summary>True when <paramref name="next"/> is news compared to <paramref name="current"/>.</summary>
    public static bool CanMoveTo(this PaymentStatus current, PaymentStatus next) => Rank(next) > Rank(current);

    // Unresolved outcomes (needs attention, deadline) may still be settled by a final status learned later.
    private static int Rank(PaymentStatus status) => status switch
    {
        PaymentStatus.Scheduled => 0,
        PaymentStatus.Submitted => 1,
        PaymentStatus.Processing => 2,
        PaymentStatus.NeedsAttention or PaymentStatus.DeadlineReached => 3,
        _ => 4,
    };
}
