namespace SmartRetry.Payments.Recurring.Dunning;

/// <summary>
/// The card's recent charge attempts since its last approval, kept in the series state so that no 30-day window
/// ever holds more than the allowed number of attempts (card networks penalise excessive re-attempts on a declining
/// card; an approval starts the count afresh). Compact: at most the limit's worth of timestamps.
/// </summary>
/// <param name="Attempts">Attempt times (UTC), oldest first.</param>
public sealed record CardAttemptWindow(IReadOnlyList<DateTime> Attempts)
{
    public static readonly TimeSpan Length = TimeSpan.FromDays(30);

    public static CardAttemptWindow Empty { get; } = new([]);

    /// <summary>True when one more attempt at <paramref name="nowUtc"/> keeps every closed 30-day window within <paramref name="maxAttempts"/>.</summary>
    public bool Allows(DateTime nowUtc, int maxAttempts) => Attempts.Count(a => a >= nowUtc - Length) < maxAttempts;

    /// <summary>The window after an attempt at <paramref name="nowUtc"/>; an approval clears it.</summary>
    public CardAttemptWindow Record(DateTime nowUtc, bool approved) =>
        approved ? Empty : new([.. Attempts.Where(a => a >= nowUtc - Length), nowUtc]);
}
