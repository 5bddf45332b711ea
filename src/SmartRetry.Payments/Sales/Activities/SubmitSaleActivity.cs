using System.Net;
using Microsoft.Extensions.Logging;
using SmartRetry.Payments.Cards;
using SmartRetry.Payments.Correlation;
using SmartRetry.Payments.Gateway;

namespace SmartRetry.Payments.Sales.Activities;

/// <summary>
/// Submits the sale to SmartRetry with the workflow's idempotency key and maps SmartRetry's transaction id to the sale's
/// instance, so webhooks find it. The only place the card is unsealed. Transient failures (transport, 5xx, 429) throw,
/// and the workflow's retry policy repeats the call with the same key; a refusal (4xx) is returned, since repeating the
/// same request cannot succeed.
/// </summary>
public sealed class SubmitSaleActivity(ISmartRetryGateway gateway, ICardSealer cardSealer, ICorrelationStore correlations, ILogger<SubmitSaleActivity> logger)
{
    public const string UnreadableCardReason = "CARD_ENVELOPE_UNREADABLE";

    public async Task<SubmitSaleResult> RunAsync(SubmitSaleRequest request, CancellationToken cancellationToken)
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
            return new SubmitSaleResult(Accepted: false, TransactionId: null, OrderId: null, new SaleRejection(UnreadableCardReason, HttpStatus: null));
        }

        SubmissionResult submitted;
        try
        {
            submitted = await gateway.SubmitSaleAsync(
                new SaleSubmission(request.IdempotencyKey, request.MerchantTransactionId, request.Amount, request.Currency, card, request.Payer, request.Description, request.MerchantOrderId),
                cancellationToken);
        }
        catch (SmartRetryRejectedException rejected) when (rejected.StatusCode != (int)HttpStatusCode.TooManyRequests)
        {
            SaleLog.SaleRefused(logger, request.PaymentId, rejected.StatusCode, rejected.ReasonCode);
            return new SubmitSaleResult(Accepted: false, TransactionId: null, OrderId: null, new SaleRejection(rejected.ReasonCode ?? $"HTTP_{rejected.StatusCode}", rejected.StatusCode));
        }

        if (submitted.TransactionId is { } transactionId)
        {
            await correlations.AddAsync(CorrelationKind.Transaction, transactionId, request.PaymentId, cancellationToken);
        }

        SaleLog.SaleSubmitted(logger, request.PaymentId, submitted.TransactionId, submitted.Accepted, submitted.Replayed);
        return new SubmitSaleResult(submitted.Accepted, submitted.TransactionId, submitted.OrderId);
    }
}
