using Microsoft.Extensions.Logging;
using SmartRetry.Payments.Cards;
using SmartRetry.Payments.Correlation;
using SmartRetry.Payments.Gateway;
using SmartRetry.Payments.Ledger;

namespace SmartRetry.Payments.Sales.Activities;

/// <summary>
/// Submits the sale to SmartRetry with the workflow's idempotency key: a refusal comes back as the result's rejection,
/// transient failures throw for the retry policy, and the transaction id is correlated to the sale's instance, with the
/// webhooks that came even earlier returned in the result (<see cref="EarlyTransactionEvents"/>). The only place the card is unsealed. A sale SmartRetry accepted is recorded as
/// processing here, not by a step of its own: that saves the workflow a round trip through its queues (four history
/// events) on every sale, and a repeat of this activity repeats a write the ledger ignores.
/// </summary>
public sealed class SubmitSale(
    ISmartRetryGateway gateway,
    ICardSealer cardSealer,
    ICorrelationStore correlations,
    EarlyTransactionEvents earlyEvents,
    IPaymentLedger ledger,
    TimeProvider timeProvider,
    ILogger<SubmitSale> logger)
{
    public const string UnreadableCardReason = "CARD_ENVELOPE_UNREADABLE";

    public async Task<PaymentSubmissionResult> RunAsync(SaleSubmission sale, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sale);
        using IDisposable? scope = logger.BeginScope(new Dictionary<string, object> { ["PaymentId"] = sale.PaymentId, ["IdempotencyKey"] = sale.IdempotencyKey });
        CardDetails card;
        try
        {
            card = cardSealer.Unseal(sale.Card);
        }
        catch (CardSealingException)
        {
            SaleLog.CardUnreadable(logger, sale.PaymentId, sale.Card.KeyId);
            return PaymentSubmissionResult.Refused(new PaymentRejection(UnreadableCardReason, HttpStatus: null));
        }

        PaymentSubmissionResult answer = await gateway.SubmitSaleAsync(sale, card, cancellationToken);
        if (answer.Rejection is { } rejection)
        {
            SaleLog.SaleRefused(logger, sale.PaymentId, rejection.HttpStatus, rejection.ReasonCode);
            return answer;
        }

        if (answer.TransactionId is { } correlated)
        {
            answer = answer with { EarlyEvents = await earlyEvents.CorrelateAsync(correlations, correlated, sale.PaymentId, cancellationToken) };
        }

        SaleLog.SaleSubmitted(logger, sale.PaymentId, answer.TransactionId, answer.Accepted, answer.Replayed);
        if (answer is { Accepted: true, TransactionId: { } transactionId })
        {
            await ledger.RecordAsync(
                new PaymentLedgerEntry(
                    sale.PaymentId, sale.MerchantTransactionId, PaymentKind.Sale, sale.Amount, sale.Currency,
                    PaymentStatus.Processing, timeProvider.GetUtcNow(), transactionId, answer.OrderId),
                cancellationToken);
        }

        return answer;
    }
}
