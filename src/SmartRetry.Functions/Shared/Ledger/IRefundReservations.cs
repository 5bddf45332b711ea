namespace SmartRetry.Functions.Shared.Ledger;

/// <summary>
/// How much of a payment its refunds have taken. A refund reserves its amount before it is submitted, under optimistic
/// concurrency on one record per original payment, so concurrent partial refunds can never add up to more than the
/// original; a refund that ends without money moving gives its reservation back. Reservations are keyed by the refund's
/// payment id, so repeating one (a retried request, an activity retry) changes nothing.
/// </summary>
public interface IRefundReservations
{
    /// <summary>
    /// Reserves <paramref name="amount"/> (null: all that is left) of <paramref name="originalPaymentId"/> for
    /// <paramref name="refundPaymentId"/>, unless the refunds already reserved leave too little. A refund that holds a
    /// reservation already gets that one back, whatever it asks now.
    /// </summary>
    Task<RefundReservation> ReserveAsync(string originalPaymentId, decimal originalAmount, string refundPaymentId, decimal? amount, CancellationToken cancellationToken);

    /// <summary>Gives a refund's reservation back; false when it holds none (already released, or never reserved).</summary>
    Task<bool> ReleaseAsync(string originalPaymentId, string refundPaymentId, CancellationToken cancellationToken);

    /// <summary>The total reserved by the refunds of <paramref name="originalPaymentId"/> (0 when it has none).</summary>
    Task<decimal> GetReservedAsync(string originalPaymentId, CancellationToken cancellationToken);
}

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
