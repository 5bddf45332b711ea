using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using SmartRetry.Functions.Shared.Cards;
using SmartRetry.Functions.Shared.Correlation;
using SmartRetry.Functions.Shared.Gateway;
using SmartRetry.Functions.Shared.Ledger;

namespace SmartRetry.Functions.Sales;

/// <summary>
/// Submits the sale to SmartRetry with the orchestration's idempotency key: a refusal comes back as the result's rejection,
/// transient failures throw for the retry policy, and the transaction id is correlated to the sale's instance, with the
/// webhooks that came even earlier returned in the result (<see cref="EarlyTransactionEvents"/>). The only place the
/// card is opened: it comes from the card vault, and SmartRetry's answer replaces it there at once, so the CVV is gone
/// as soon as the authorization is answered, and a retry of this activity after a crash (whose SmartRetry call would be
/// replayed under the same key anyway) takes that answer without the card. A sale SmartRetry accepted is recorded as
/// processing here, not by an activity of its own: that saves the orchestration a round trip through its queues (four history
/// events) on every sale, and a repeat of this activity repeats a write the ledger ignores.
/// </summary>
public sealed class SubmitSale(
    ISmartRetryGateway gateway,
    ICardVault cards,
    ICardSealer cardSealer,
    ICorrelationStore correlations,
    EarlyTransactionEvents earlyEvents,
    IPaymentLedger ledger,
    TimeProvider timeProvider,
    ILogger<SubmitSale> logger)
{
    public const string UnreadableCardReason = "CARD_ENVELOPE_UNREADABLE";

    /// <summary>Our reason when the vault holds neither the card nor an answer (it expired, or the sale was settled meanwhile).</summary>
    public const string CardNotHeldReason = "CARD_NOT_HELD";

    [Function(nameof(SubmitSale))]
    public async Task<PaymentSubmissionResult> RunAsync([ActivityTrigger] SaleSubmission sale, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sale);
        using IDisposable? scope = logger.BeginScope(new Dictionary<string, object> { ["PaymentId"] = sale.PaymentId, ["IdempotencyKey"] = sale.IdempotencyKey });
        PaymentSubmissionResult answer;
        switch (await OpenCardAsync(sale, cancellationToken))
        {
            case { Answer: { } recorded }:
                SaleLog.AnswerRecorded(logger, sale.PaymentId, recorded.TransactionId);
                answer = recorded;
                break;
            case { Card: { } card }:
                answer = await gateway.SubmitSaleAsync(sale, card, cancellationToken);
                if (sale.Card is null)
                {
                    // SmartRetry answered (a transient failure would have thrown): the card has served its one purpose.
                    await cards.RecordAnswerAsync(sale.PaymentId, answer, cancellationToken);
                }

                break;
            case null:
                SaleLog.CardUnreadable(logger, sale.PaymentId);
                answer = PaymentSubmissionResult.Refused(new PaymentRejection(UnreadableCardReason, HttpStatus: null));
                break;
            default:
                SaleLog.CardNotHeld(logger, sale.PaymentId);
                answer = PaymentSubmissionResult.Refused(new PaymentRejection(CardNotHeldReason, HttpStatus: null));
                break;
        }

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

    /// <summary>
    /// The card for this sale (from the vault, or from the input of a sale started before the vault), or the answer
    /// recorded in its place when this activity asked SmartRetry before; null when the envelope cannot be opened.
    /// </summary>
    private async Task<HeldCard<PaymentSubmissionResult>?> OpenCardAsync(SaleSubmission sale, CancellationToken cancellationToken)
    {
        try
        {
            return sale.Card is { } carried
                ? new HeldCard<PaymentSubmissionResult>(cardSealer.Unseal(carried), null)
                : await cards.OpenAsync<PaymentSubmissionResult>(sale.PaymentId, cancellationToken);
        }
        catch (CardSealingException)
        {
            return null;
        }
    }
}
