using SmartRetry.Functions.Shared.Series;

namespace SmartRetry.Functions.Series.MerchantManaged;

/// <summary>How a generation of the series orchestration ended: <see cref="RecurringSeriesStatus.Active"/> or paused means it continued as new.</summary>
public sealed record MerchantSeriesResult(string SeriesId, RecurringSeriesStatus Status, string Detail);
