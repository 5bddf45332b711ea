namespace SmartRetry.Functions.Shared.Ledger;

/// <summary>The answer to a refund reservation.</summary>
/// <param name="Amount">The amount reserved for the refund; 0 when nothing was reserved.</param>
/// <param name="Remaining">What the original's refunds may still take after this answer.</param>
public sealed record RefundReservation(RefundReservationOutcome Outcome, decimal Amount, decimal Remaining)
{
    public bool IsReserved => Outcome == RefundReservationOutcome.Reserved;
}

public enum RefundReservationOutcome
{
    /// <summary>The amount is reserved for this refund (now, or by an earlier identical request).</summary>
    Reserved,

    /// <summary>Earlier refunds took the whole original: nothing is left to refund.</summary>
    FullyRefunded,

    /// <summary>The amount asked for is more than what is left.</summary>
    ExceedsRemaining,
}
