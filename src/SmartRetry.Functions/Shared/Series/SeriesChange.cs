namespace SmartRetry.Functions.Shared.Series;

/// <summary>A change to a series' record, written by the series orchestrations; null fields stay unchanged.</summary>
public sealed record SeriesChange(
    string SeriesId,
    DateTime AtUtc,
    RecurringSeriesStatus? Status = null,
    decimal? Amount = null,
    DateTime? NextDueAtUtc = null,
    ChargeCycleResult? Cycle = null,
    string? Note = null);
