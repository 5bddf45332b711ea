namespace SmartRetry.Functions.Shared.Series;

/// <summary>
/// The card's declined charge attempts in the last 30 days, kept in the series state so that no 30-day window ever
/// holds more than the allowed number of them (card networks penalise excessive re-attempts on a declining card).
/// Approvals are not re-attempts: they neither count nor reset the window, so a run of declines after an approval
/// still meets the limit. Compact: only attempts inside the window are kept.
/// </summary>
/// <param name="Attempts">Attempt times (UTC), oldest first.</param>
public sealed record CardAttemptWindow(IReadOnlyList<DateTime> Attempts)
{
    public static readonly TimeSpan Length = TimeSpan.FromDays(30);

    public static CardAttemptWindow Empty { get; } = new([]);

    /// <summary>True when one more attempt at <paramref name="nowUtc"/> keeps every closed 30-day window within <paramref name="maxAttempts"/>.</summary>
    public bool Allows(DateTime nowUtc, int maxAttempts) => Attempts.Count(a => a >= nowUtc - Length) < maxAttempts;

    /// <summary>The window after an attempt at <paramref name="nowUtc"/>; only a declined attempt is added.</summary>
    public CardAttemptWindow Record(DateTime nowUtc, bool approved) =>
        new([.. Attempts.Where(a => a >= nowUtc - Length), .. approved ? Array.Empty<DateTime>() : [nowUtc]]);
}
