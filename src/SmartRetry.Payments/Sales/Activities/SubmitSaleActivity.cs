using Microsoft.Extensions.Logging;
using SmartRetry.Payments.Cards;
using SmartRetry.Payments.Correlation;
using SmartRetry.Payments.Gateway;
using SmartRetry.Payments.Ledger;

namespace SmartRetry.Payments.Sales.Activities;

/// <summary>
/// Submits the sale to SmartRetry with the workflow's idempotency key (<see cref="PaymentSubmission"/>: refusals are
/// returned, transient failures throw for the retry policy, the transaction id is correlated to the sale's instance).
/// The only place the card is unsealed. A sale SmartRetry accepted is recorded as processing here, not by a step of
/// its own: that saves the workflow a round trip through its queues (four history events) on every sale, and a repeat
/// of this activity repeats a write the ledger ignores.
/// </summary>
public sealed class SubmitSaleActivity(
    ISmartRetryGateway gateway,
    ICardSealer cardSealer,
    ICorrelationStore correlations,
    EarlyTransactionEvents earlyEvents,
    IPaymentLedger ledger,
    TimeProvider timeProvider,
    ILogger<SubmitSaleActivity> logger)
{
    public const string Name = "SubmitSale";

    public const string UnreadableCardReason = "CARD_ENVELOPE_UNREADABLE";

    public async Task<PaymentSubmissionResult> RunAsync(SubmitSaleRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using IDisposable? scope = logger.BeginScope(new Dictionary<string, object> { ["PaymentId"] = request.PaymentId, ["IdempotencyKey"] = request.IdempotencyKey });
        CardDetails card;
        try
        {
            card = cardSealer.Unseal(request.Card);
        }
        catch (CardSealingException)
        {
            SaleLog.CardUnreadable(logger, request.PaymentId, request.Card.KeyId);
            return new PaymentSubmissionResult(Accepted: false, TransactionId: null, OrderId: null, new PaymentRejection(UnreadableCardReason, HttpStatus: null));
        }

        PaymentSubmissionResult result = await PaymentSubmission.RunAsync(
            () => gateway.SubmitSaleAsync(
                new SaleSubmission(request.IdempotencyKey, request.MerchantTransactionId, request.Amount, request.Currency, card, request.Payer, request.Description, request.MerchantOrderId),
                cancellationToken),
            request.PaymentId,
            correlations,
            earlyEvents,
            rejected => SaleLog.SaleRefused(logger, request.PaymentId, rejected.StatusCode, rejected.ReasonCode),
            submitted => SaleLog.SaleSubmitted(logger, request.PaymentId, submitted.TransactionId, submitted.Accepted, submitted.Replayed),
            cancellationToken);
        if (result is { Accepted: true, TransactionId: { } transactionId })
        {
            await ledger.RecordAsync(
                new PaymentLedgerEntry(
                    request.PaymentId, request.MerchantTransactionId, PaymentKind.Sale, request.Amount, request.Currency,
                    PaymentStatus.Processing, timeProvider.GetUtcNow(), transactionId, result.OrderId),
                cancellationToken);
        }

        return result;
    }
}
