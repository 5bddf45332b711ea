namespace SmartRetry.Functions.Shared.Series;

/// <summary>One charge of a series.</summary>
/// <param name="Sequence">1 for the first payment.</param>
/// <param name="Date">The local calendar date of the charge.</param>
/// <param name="DueAtUtc">The instant the charge is due.</param>
public sealed record ScheduledOccurrence(int Sequence, DateOnly Date, DateTime DueAtUtc);
