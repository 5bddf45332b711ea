using SmartRetry.Functions.Shared.Series;

namespace SmartRetry.Functions.Series.MerchantManaged;

/// <summary>
/// Every recent attempt on one card, whichever series made it: the decision behind <see cref="ICardAttemptStore"/>.
/// The rule is <see cref="CardAttemptWindow"/>'s: an attempt is allowed only when fewer than the limit of attempts that
/// were not approved (declined, failed, unresolved or still in flight) fall at or after 30 days before it. Attempts at
/// later times (another orchestration's clock may run ahead) count too, so no closed 30-day window containing the new
/// attempt can exceed the limit. Compact: each reservation drops attempts older than the window plus a margin, and
/// approved ones after <see cref="ApprovedRetention"/>.
/// </summary>
/// <param name="Attempts">Oldest first.</param>
public sealed record CardAttemptLog(IReadOnlyList<CardAttempt> Attempts)
{
    /// <summary>Kept beyond the window so that a caller whose orchestration time lags another's still sees all of its own window.</summary>
    public static readonly TimeSpan CompactionMargin = TimeSpan.FromDays(1);

    /// <summary>
    /// How long an approved attempt is kept. It no longer counts; it is kept only so that a duplicate of its reservation
    /// (an activity run again while the first run's result was in flight) is recognised, which happens within hours.
    /// Dropping it sooner than the window keeps the log small for a card that many series charge successfully.
    /// </summary>
    public static readonly TimeSpan ApprovedRetention = TimeSpan.FromDays(2);

    public static CardAttemptLog Empty { get; } = new([]);

    /// <summary>Attempts that count against the limit for an attempt at <paramref name="atUtc"/>.</summary>
    public int CountedAt(DateTime atUtc) => Attempts.Count(a => !a.Approved && a.AtUtc >= atUtc - CardAttemptWindow.Length);

    /// <summary>
    /// The log with the attempt added; this same log when the attempt is already in it (a retried or replayed
    /// reservation is granted again, never counted twice); null when the card has no room left.
    /// </summary>
    public CardAttemptLog? TryReserve(string attemptId, DateTime atUtc, int maxAttempts)
    {
        ArgumentException.ThrowIfNullOrEmpty(attemptId);
        if (Attempts.Any(a => a.AttemptId == attemptId))
        {
            return this;
        }

        if (CountedAt(atUtc) >= maxAttempts)
        {
            return null;
        }

        DateTime keepFrom = atUtc - CardAttemptWindow.Length - CompactionMargin;
        DateTime keepApprovedFrom = atUtc - ApprovedRetention;
        return new([.. Attempts.Where(a => a.AtUtc >= (a.Approved ? keepApprovedFrom : keepFrom)), new CardAttempt(attemptId, atUtc)]);
    }

    /// <summary>The log with the attempt marked approved, so it no longer counts; this same log when there is nothing to change.</summary>
    public CardAttemptLog Release(string attemptId) =>
        Attempts.Any(a => a.AttemptId == attemptId && !a.Approved)
            ? new([.. Attempts.Select(a => a.AttemptId == attemptId ? a with { Approved = true } : a)])
            : this;
}
