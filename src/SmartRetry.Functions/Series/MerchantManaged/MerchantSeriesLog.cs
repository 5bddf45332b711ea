using Microsoft.Extensions.Logging;
using SmartRetry.Functions.Shared.Declines;
using SmartRetry.Functions.Shared.Durable;
using SmartRetry.Functions.Shared.Gateway;
using SmartRetry.Functions.Shared.Series;

namespace SmartRetry.Functions.Series.MerchantManaged;

/// <summary>Structured log messages of merchant-managed series and their charge cycles. None carries card data.</summary>
internal static partial class MerchantSeriesLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "Recurring charge {CycleId} attempt {Attempt} has no final outcome ({Status}); escalated, not retried")]
    public static partial void ChargeUnresolved(ILogger logger, string cycleId, int attempt, SmartRetryStatus status);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Recurring charge {CycleId} stops dunning: series {Command}")]
    public static partial void CycleInterrupted(ILogger logger, string cycleId, SeriesCommand command);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "Recurring series {SeriesId}: {Command} applied, now {Status}")]
    public static partial void CommandApplied(ILogger logger, string seriesId, SeriesCommand command, RecurringSeriesStatus status);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Warning, Message = "Recurring series {SeriesId} occurrence {Sequence} declined {Category} ({ReasonCode}): {Action}; the card is not charged again automatically")]
    public static partial void CardRefused(ILogger logger, string seriesId, int sequence, DeclineCategory? category, string? reasonCode, HardDeclineAction action);

    [LoggerMessage(EventId = 5008, Level = LogLevel.Information, Message = "Recurring charge cycle {CycleId} was not interrupted ({Result}): it had already ended")]
    public static partial void CycleNotInterrupted(ILogger logger, string cycleId, RaiseEventResult result);

    [LoggerMessage(EventId = 5020, Level = LogLevel.Warning, Message = "Recurring charge {CycleId} attempt {Attempt} was approved but its slot in the card's attempt window could not be released; it keeps counting")]
    public static partial void CardAttemptReleaseFailed(ILogger logger, string cycleId, int attempt);
}
