namespace SmartRetry.Functions.Series.PlatformManaged;

/// <summary>Read SmartRetry's view of a followed series and bring ours up to date.</summary>
public sealed record SyncRequest(string SeriesId, string RecurringId, TimeSpan MissedChargeGrace);
