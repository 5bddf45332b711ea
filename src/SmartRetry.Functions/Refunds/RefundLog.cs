using Microsoft.Extensions.Logging;
using SmartRetry.Functions.Shared.Ledger;

namespace SmartRetry.Functions.Refunds;

/// <summary>Structured log messages of the refund workflow and its activities. The merchant's reason is never logged.</summary>
internal static partial class RefundLog
{
    [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "Refund {RefundPaymentId} submitted: transaction {TransactionId}, accepted {Accepted}, replayed {Replayed}")]
    public static partial void RefundSubmitted(ILogger logger, string refundPaymentId, string? transactionId, bool accepted, bool replayed);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Warning, Message = "Refund {RefundPaymentId} refused by SmartRetry: HTTP {StatusCode} {ReasonCode}")]
    public static partial void RefundRefused(ILogger logger, string refundPaymentId, int? statusCode, string? reasonCode);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Information, Message = "Refund {RefundPaymentId} of {OriginalPaymentId} ended as {Status} (transaction {TransactionId}, reason {ReasonCode})")]
    public static partial void RefundEnded(ILogger logger, string refundPaymentId, string originalPaymentId, PaymentStatus status, string? transactionId, string? reasonCode);
}
