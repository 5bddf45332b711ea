using Microsoft.Azure.Functions.Worker;
using SmartRetry.Functions.Shared.Ledger;

namespace SmartRetry.Functions.Refunds.Activities;

/// <summary>Gives a refund's reservation back after it ended without money moving. Releasing twice is harmless.</summary>
public sealed class ReleaseRefundReservation(IRefundReservations reservations)
{
    [Function(nameof(ReleaseRefundReservation))]
    public Task<bool> RunAsync([ActivityTrigger] RefundRelease release, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(release);
        return reservations.ReleaseAsync(release.OriginalPaymentId, release.RefundPaymentId, cancellationToken);
    }
}
