using Microsoft.Azure.Functions.Worker;
using SmartRetry.Functions.Shared.Telemetry;

namespace SmartRetry.Functions.Series.MerchantManaged;

/// <summary>Reserves a slot in the card's shared attempt window before a charge; false means the card has no room and nothing may be sent.</summary>
public sealed class ReserveCardAttempt(ICardAttemptStore store, PaymentMetrics? metrics = null)
{
    [Function(nameof(ReserveCardAttempt))]
    public async Task<bool> RunAsync([ActivityTrigger] CardAttemptReservation reservation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        bool granted = await store.TryReserveAsync(reservation.CardFingerprint, reservation.AttemptId, reservation.AtUtc, reservation.MaxAttempts, cancellationToken);
        if (!granted)
        {
            metrics?.CardWindowRefused();
        }

        return granted;
    }
}

/// <summary>Frees the slot of an approved attempt: approvals are not re-attempts and do not count against the card.</summary>
public sealed class ReleaseCardAttempt(ICardAttemptStore store)
{
    [Function(nameof(ReleaseCardAttempt))]
    public Task RunAsync([ActivityTrigger] CardAttemptRelease release, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(release);
        return store.ReleaseAsync(release.CardFingerprint, release.AttemptId, cancellationToken);
    }
}
