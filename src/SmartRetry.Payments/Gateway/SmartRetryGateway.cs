using Microsoft.Extensions.Logging;
using SmartRetry.Client;
using SmartRetry.Client.Errors;
using SmartRetry.Client.Models;
using SmartRetry.Client.Payments;
using SmartRetry.Payments.Cards;

namespace SmartRetry.Payments.Gateway;

/// <summary>
/// <see cref="ISmartRetryGateway"/> over <see cref="SmartRetryClient"/>. The client already retries transport failures,
/// 5xx and 429 with the same idempotency key; what it still throws for those (transport, API and rate-limit errors)
/// propagates unchanged, so the activity retry policy tries again with the same key. Refusals (400/401/403/404/409/422,
/// or a request the client would not send) become <see cref="SmartRetryRejectedException"/>.
/// </summary>
public sealed class SmartRetryGateway(SmartRetryClient client, ILogger<SmartRetryGateway> logger) : ISmartRetryGateway
{
    public async Task<SubmissionResult> SubmitSaleAsync(SaleSubmission sale, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sale);
        ArgumentException.ThrowIfNullOrWhiteSpace(sale.IdempotencyKey);
        SmartRetryResponse<PaymentResult> response = await SmartRetryCallTranslation.CallAsync(
            () => client.Payments.SaleAsync(ToPaymentRequest(sale), sale.IdempotencyKey, cancellationToken), logger).ConfigureAwait(false);
        PaymentResult result = response.Value;
        return new SubmissionResult(result.Accepted, result.TransactionId, result.OrderId, response.IdempotencyReplayed);
    }

    public async Task<SubmissionResult> RefundAsync(RefundSubmission refund, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(refund);
        ArgumentException.ThrowIfNullOrWhiteSpace(refund.IdempotencyKey);
        var request = new RefundRequest
        {
            TransactionReferenceId = refund.OriginalTransactionId,
            OrderReferenceId = refund.OriginalOrderId,
            MerchantTransactionId = refund.MerchantTransactionId,
            Amount = refund.Amount,
            Currency = refund.Currency,
        };
        SmartRetryResponse<PaymentResult> response = await SmartRetryCallTranslation.CallAsync(
            () => client.Payments.RefundAsync(request, refund.IdempotencyKey, cancellationToken), logger).ConfigureAwait(false);
        PaymentResult result = response.Value;
        return new SubmissionResult(result.Accepted, result.TransactionId, result.OrderId, response.IdempotencyReplayed);
    }

    public async Task<TransactionSnapshot> GetTransactionAsync(string transactionId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(transactionId);
        SmartRetryResponse<TransactionDetails> response = await SmartRetryCallTranslation.CallAsync(
            () => client.Payments.GetStatusAsync(transactionId, cancellationToken), logger).ConfigureAwait(false);
        return ToSnapshot(transactionId, response.Value);
    }

    internal static PaymentRequest ToPaymentRequest(SaleSubmission sale) => new()
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
                CardNumber = sale.Card.Number,
                ExpiryMonth = sale.Card.ExpiryMonth,
                ExpiryYear = sale.Card.ExpiryYear,
                CardholderName = sale.Card.HolderName,
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
        Cvv = string.IsNullOrEmpty(sale.Card.Cvv) ? null : sale.Card.Cvv,
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
    internal static TransactionStatus ToStatus(TransactionState? state) => state switch
    {
        TransactionState.Approved => TransactionStatus.Approved,
        TransactionState.Processing => TransactionStatus.Processing,
        TransactionState.Declined => TransactionStatus.Declined,
        TransactionState.Error => TransactionStatus.Error,
        TransactionState.Cancelled => TransactionStatus.Cancelled,
        _ => TransactionStatus.Unknown,
    };
}
