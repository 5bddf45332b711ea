using Microsoft.Extensions.Logging;
using SmartRetry.Functions.Shared.Ledger;

namespace SmartRetry.Functions.Sales;

/// <summary>Structured log messages of the sale workflow and its activities. None carries card data.</summary>
internal static partial class SaleLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Sale {PaymentId} submitted: transaction {TransactionId}, accepted {Accepted}, replayed {Replayed}")]
    public static partial void SaleSubmitted(ILogger logger, string paymentId, string? transactionId, bool accepted, bool replayed);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Sale {PaymentId} refused by SmartRetry: HTTP {StatusCode} {ReasonCode}")]
    public static partial void SaleRefused(ILogger logger, string paymentId, int? statusCode, string? reasonCode);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Error, Message = "Sale {PaymentId}: the sealed card cannot be opened; not submitted")]
    public static partial void CardUnreadable(ILogger logger, string paymentId);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Information, Message = "Sale {PaymentId}: SmartRetry had answered before this attempt; its recorded answer is used (transaction {TransactionId})")]
    public static partial void AnswerRecorded(ILogger logger, string paymentId, string? transactionId);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Warning, Message = "Sale {PaymentId}: no card is held for it any longer; not submitted")]
    public static partial void CardNotHeld(ILogger logger, string paymentId);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "Sale {PaymentId} ended as {Status} (transaction {TransactionId}, reason {ReasonCode})")]
    public static partial void SaleEnded(ILogger logger, string paymentId, PaymentStatus status, string? transactionId, string? reasonCode);
}
