using Microsoft.Extensions.Logging;
using SmartRetry.Client;
using SmartRetry.Client.Errors;
using SmartRetry.Client.Models;
using SmartRetry.Client.Payments;
using SmartRetry.Functions.Shared.Cards;

namespace SmartRetry.Functions.Shared.Gateway;

/// <summary>
/// <see cref="ISmartRetryGateway"/> over <see cref="SmartRetryClient"/>. The client already retries transport failures,
/// 5xx and 429 with the same idempotency key; what it still throws for those (transport, API and rate-limit errors)
/// propagates unchanged, so the activity retry policy tries again with the same key. Refusals (400/401/403/404/409/422,
/// or a request the client would not send) are a payment's <see cref="PaymentRejection"/>, and a status read's
/// <see cref="SmartRetryRejectedException"/>.
/// </summary>
public sealed class SmartRetryGateway(SmartRetryClient client, ILogger<SmartRetryGateway> logger) : ISmartRetryGateway
{
    public async Task<PaymentSubmissionResult> SubmitSaleAsync(SaleSubmission sale, CardDetails card, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sale);
        ArgumentNullException.ThrowIfNull(card);
        ArgumentException.ThrowIfNullOrWhiteSpace(sale.IdempotencyKey);
        try
        {
            return Submitted(await client.Payments.SaleAsync(ToPaymentRequest(sale, card), sale.IdempotencyKey, cancellationToken).ConfigureAwait(false));
        }
        catch (SmartRetryException exception) when (SmartRetryCallTranslation.IsRejection(exception))
        {
            return SmartRetryCallTranslation.Refused(exception, logger);
        }
    }

    public async Task<PaymentSubmissionResult> RefundAsync(RefundSubmission refund, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(refund);
        ArgumentException.ThrowIfNullOrWhiteSpace(refund.IdempotencyKey);
        var request = new RefundRequest
        {
            TransactionReferenceId = refund.OriginalTransactionId,
            OrderReferenceId = refund.OriginalOrderId,
            MerchantTransactionId = refund.RefundId,
            Amount = refund.Amount,
            Currency = refund.Currency,
        };
        try
        {
            return Submitted(await client.Payments.RefundAsync(request, refund.IdempotencyKey, cancellationToken).ConfigureAwait(false));
        }
        catch (SmartRetryException exception) when (SmartRetryCallTranslation.IsRejection(exception))
        {
            return SmartRetryCallTranslation.Refused(exception, logger);
        }
    }

    public async Task<TransactionSnapshot> GetTransactionAsync(string transactionId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(transactionId);
        SmartRetryResponse<TransactionDetails> response = await SmartRetryCallTranslation.CallAsync(
            () => client.Payments.GetStatusAsync(transactionId, cancellationToken), logger).ConfigureAwait(false);
        return ToSnapshot(transactionId, response.Value);
    }

    private static PaymentSubmissionResult Submitted(SmartRetryResponse<PaymentResult> response) =>
        new(response.Value.Accepted, response.Value.TransactionId, response.Value.OrderId, Replayed: response.IdempotencyReplayed);

    internal static PaymentRequest ToPaymentRequest(SaleSubmission sale, CardDetails card) => new()
    {
        MerchantTransactionId = sale.MerchantTransactionId,
        Amount = sale.Amount,
        Currency = sale.Currency,
        Description = sale.Description,
        Order = new OrderDetails
        {
            MerchantOrderId = sale.MerchantOrderId,
            PaymentInstrument = new PaymentInstrument
            {
                CardNumber = card.Number,
                ExpiryMonth = card.ExpiryMonth,
                ExpiryYear = card.ExpiryYear,
                CardholderName = card.HolderName,
            },
            Payer = new Payer
            {
                FirstName = sale.Payer.FirstName,
                LastName = sale.Payer.LastName,
                Email = sale.Payer.Email,
                PhoneNumber = sale.Payer.PhoneNumber,
            },
        },

        // SmartRetry never stores the CVV; an empty one would be a validation error, so absent means not sent.
        Cvv = string.IsNullOrEmpty(card.Cvv) ? null : card.Cvv,
    };

    internal static TransactionSnapshot ToSnapshot(string requestedId, TransactionDetails details) => new(
        details.TransactionId ?? requestedId,
        ToStatus(details.Status?.State),
        details.Status?.ReasonCode,
        details.Status?.Domain,
        details.AttemptNumber,
        details.Order?.PaymentInstrument is { } instrument
            ? new CardSummary(instrument.Token, instrument.CardLastFourDigits, instrument.CardBin, instrument.CardProfile?.Brand?.Name)
            : null);

    /// <summary>A state this client does not know, or no status at all, is never taken as an outcome: it reads as UNKNOWN.</summary>
    internal static SmartRetryStatus ToStatus(TransactionState? state) => state switch
    {
        TransactionState.Approved => SmartRetryStatus.Approved,
        TransactionState.Processing => SmartRetryStatus.Processing,
        TransactionState.Declined => SmartRetryStatus.Declined,
        TransactionState.Error => SmartRetryStatus.Error,
        TransactionState.Cancelled => SmartRetryStatus.Cancelled,
        _ => SmartRetryStatus.Unknown,
    };
}
