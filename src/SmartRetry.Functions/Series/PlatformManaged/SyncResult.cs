using SmartRetry.Functions.Shared.Series;

namespace SmartRetry.Functions.Series.PlatformManaged;

/// <summary>What a sync found.</summary>
/// <param name="ChargesRecorded">Completed charges written to the ledger by this sync (repeats not counted).</param>
/// <param name="WatchesStarted">Future transactions that got a watch by this sync.</param>
public sealed record SyncResult(RecurringSeriesStatus Status, int ChargesRecorded, int WatchesStarted);
