using Microsoft.Azure.Functions.Worker;

namespace SmartRetry.Functions.Series.MerchantManaged;

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
