using Microsoft.Extensions.Logging;

namespace SmartRetry.Functions.Shared.Series;

/// <summary>Structured log messages both kinds of series write. None carries card data.</summary>
internal static partial class RecurringLog
{
    [LoggerMessage(EventId = 5004, Level = LogLevel.Information, Message = "Recurring series {SeriesId} ended as {Status}: {Detail}")]
    public static partial void SeriesEnded(ILogger logger, string seriesId, RecurringSeriesStatus status, string detail);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Error, Message = "Recurring series {SeriesId}: SmartRetry could not be told to {Operation}; needs attention")]
    public static partial void SmartRetryCallFailed(ILogger logger, string seriesId, string operation);
}
