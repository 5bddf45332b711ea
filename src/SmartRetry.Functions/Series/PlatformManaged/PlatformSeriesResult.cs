using SmartRetry.Functions.Shared.Series;

namespace SmartRetry.Functions.Series.PlatformManaged;

/// <summary>How a generation of the follower ended; active means it continued as new.</summary>
public sealed record PlatformSeriesResult(string SeriesId, RecurringSeriesStatus Status);
