using SmartRetry.Functions.Shared.Series;

namespace SmartRetry.Functions.Series.PlatformManaged;

/// <summary>A platform-managed series' upcoming charges, read from SmartRetry's recurring status (the only documented list).</summary>
public sealed record FutureTransactionListView(string SeriesId, string RecurringId, IReadOnlyList<FutureTransactionSnapshot> FutureTransactions);
