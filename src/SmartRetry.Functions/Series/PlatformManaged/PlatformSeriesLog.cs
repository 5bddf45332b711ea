using Microsoft.Extensions.Logging;

namespace SmartRetry.Functions.Series.PlatformManaged;

/// <summary>Structured log messages of series SmartRetry or the provider schedules. None carries card data.</summary>
internal static partial class PlatformSeriesLog
{
    [LoggerMessage(EventId = 5006, Level = LogLevel.Warning, Message = "Future transaction {FutureTransactionId} of series {SeriesId} did not run by {CheckedAt:O}: flagged as missed")]
    public static partial void FutureTransactionMissed(ILogger logger, string futureTransactionId, string seriesId, DateTime checkedAt);
}
