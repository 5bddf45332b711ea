using Microsoft.Extensions.Logging;

namespace SmartRetry.Functions.Shared.Tracking;

/// <summary>Structured log messages of transaction tracking. None carries card data.</summary>
internal static partial class TrackingLog
{
    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "Payment {PaymentId}: status poll of transaction {TransactionId} failed after retries; still waiting")]
    public static partial void PollFailed(ILogger logger, string paymentId, string transactionId);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Information, Message = "Payment {PaymentId}: SmartRetry {EventType} for transaction {TransactionId} (attempt {AttemptNumber})")]
    public static partial void TransactionEventReceived(ILogger logger, string paymentId, string eventType, string? transactionId, int? attemptNumber);
}
