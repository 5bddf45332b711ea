using System.ComponentModel.DataAnnotations;
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

/// <summary>Dunning configuration (section <see cref="SectionName"/>), validated at start-up.</summary>
public sealed class DunningOptions : IValidatableObject
{
    public const string SectionName = "Dunning";

    /// <summary>Card-network rules allow at most this many attempts per card in 30 days.</summary>
    public const int NetworkAttemptLimit = 20;

    private static readonly TimeSpan[] DefaultRetryOffsets = [TimeSpan.FromDays(1), TimeSpan.FromDays(3), TimeSpan.FromDays(5)];

    /// <summary>
    /// When to re-attempt a soft-declined cycle, measured from the cycle's due time (default +1 d, +3 d, +5 d).
    /// Null means the default: configuration binding appends to a pre-filled list, so the default is not pre-filled.
    /// </summary>
#pragma warning disable CA2227 // Configuration binding sets the whole list, replacing the default.
    public IList<TimeSpan>? RetryOffsets { get; set; }
#pragma warning restore CA2227

    /// <summary>How many of the offsets are used (0 turns dunning off); null means all of them.</summary>
    [Range(0, NetworkAttemptLimit - 1)]
    public int? RetryCount { get; set; }

    public DunningExhaustedAction ExhaustedAction { get; set; } = DunningExhaustedAction.StayActive;

    /// <summary>What a hard or do-not-retry decline does to the series; by default it pauses until the payer gives a new payment method.</summary>
    public HardDeclineAction OnHardDecline { get; set; } = HardDeclineAction.Pause;

    [Range(1, NetworkAttemptLimit)]
    public int MaxAttemptsPerCardIn30Days { get; set; } = NetworkAttemptLimit;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        IList<TimeSpan> offsets = RetryOffsets is { Count: > 0 } configured ? configured : DefaultRetryOffsets;
        for (int i = 0; i < offsets.Count; i++)
        {
            if (offsets[i] <= TimeSpan.Zero || (i > 0 && offsets[i] <= offsets[i - 1]))
            {
                yield return new ValidationResult("Dunning retry offsets must be positive and strictly increasing.", [nameof(RetryOffsets)]);
                yield break;
            }
        }

        if (RetryCount > offsets.Count)
        {
            yield return new ValidationResult($"RetryCount {RetryCount} exceeds the {offsets.Count} configured retry offsets.", [nameof(RetryCount)]);
        }
    }

    /// <summary>The immutable snapshot a series carries in its orchestration input, so configuration changes never alter a replay.</summary>
    public DunningPolicy ToPolicy()
    {
        IList<TimeSpan> offsets = RetryOffsets is { Count: > 0 } configured ? configured : DefaultRetryOffsets;
        return new DunningPolicy([.. offsets.Take(RetryCount ?? offsets.Count)], ExhaustedAction, MaxAttemptsPerCardIn30Days, OnHardDecline);
    }
}

/// <summary>What a merchant-managed series does when a cycle stays unpaid after dunning; hard declines follow <see cref="HardDeclineAction"/>.</summary>
public enum DunningExhaustedAction
{
    /// <summary>The series stays active; the next cycle is charged on its date.</summary>
    StayActive,

    /// <summary>The series is cancelled, at SmartRetry too.</summary>
    CancelSeries,
}

/// <summary>
/// What a merchant-managed series does when a charge is declined hard or do-not-retry (lost, stolen, closed card,
/// fraud, revoked authorization): that card must not be charged again automatically.
/// </summary>
public enum HardDeclineAction
{
    /// <summary>The series is paused and flagged as needing a new payment method; the merchant resumes it.</summary>
    Pause,

    /// <summary>The series is cancelled, at SmartRetry too.</summary>
    CancelSeries,

    /// <summary>The series stays active and the next cycle charges the same card: only for merchants who handle this themselves.</summary>
    StayActive,
}
