namespace SmartRetry.Functions.Series.PlatformManaged;

/// <summary>One upcoming charge of a platform-managed series to check on.</summary>
/// <param name="ScheduledDate">SmartRetry's scheduled date; its time zone and time of day are unspecified, so the check waits for the whole day to pass everywhere (UTC end of day plus <paramref name="Grace"/>).</param>
public sealed record FutureTransactionWatchInput(
    string SeriesId,
    string RecurringId,
    string FutureTransactionId,
    DateOnly ScheduledDate,
    TimeSpan Grace);
