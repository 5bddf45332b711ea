using SmartRetry.Payments.Recurring.Dunning;

namespace SmartRetry.Payments.Recurring.Activities;

/// <summary>Reserves a slot in the card's shared attempt window before a charge; false means the card has no room and nothing may be sent.</summary>
public sealed class ReserveCardAttemptActivity(ICardAttemptStore store)
{
    public Task<bool> RunAsync(CardAttemptReservation reservation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        return store.TryReserveAsync(reservation.CardFingerprint, reservation.AttemptId, reservation.AtUtc, reservation.MaxAttempts, cancellationToken);
    }
}
