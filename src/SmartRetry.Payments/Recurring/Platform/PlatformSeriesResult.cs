namespace SmartRetry.Payments.Recurring.Platform;

/// <summary>How a generation of the follower ended; active means it continued as new.</summary>
public sealed record PlatformSeriesResult(string SeriesId, RecurringSeriesStatus Status);
