using SmartRetry.Functions.Shared.Declines;

namespace SmartRetry.Functions.Series.MerchantManaged;

/// <summary>
/// When a declined cycle is tried again. Only soft declines are re-attempted, at the configured offsets from the
/// cycle's due time, and never at or after the next cycle's due time (the next cycle takes over). Hard and
/// do-not-retry declines end the cycle at once.
/// </summary>
/// <param name="RetryOffsets">Offsets from the cycle's due time, strictly increasing.</param>
/// <param name="MaxAttemptsPer30Days">Cap on attempts per card in any 30 days (card-network rule; at most 20).</param>
/// <param name="OnHardDecline">What a hard or do-not-retry decline does to the series (defaulted so states written before it existed read as the safe choice).</param>
public sealed record DunningPolicy(
    IReadOnlyList<TimeSpan> RetryOffsets,
    DunningExhaustedAction ExhaustedAction,
    int MaxAttemptsPer30Days,
    HardDeclineAction OnHardDecline = HardDeclineAction.Pause)
{
    public static DunningPolicy Default { get; } = new DunningOptions().ToPolicy();

    /// <summary>The time of the next re-attempt after <paramref name="retriesDone"/> retries, or null when the cycle is exhausted.</summary>
    public DateTime? NextRetryAt(DateTime cycleDueAtUtc, int retriesDone, DeclineClassification decline, DateTime? nextCycleDueAtUtc)
    {
        ArgumentNullException.ThrowIfNull(decline);
        ArgumentOutOfRangeException.ThrowIfNegative(retriesDone);
        if (!decline.MayRetry || retriesDone >= RetryOffsets.Count)
        {
            return null;
        }

        DateTime retryAt = cycleDueAtUtc + RetryOffsets[retriesDone];
        return nextCycleDueAtUtc is { } next && retryAt >= next ? null : retryAt;
    }
}
