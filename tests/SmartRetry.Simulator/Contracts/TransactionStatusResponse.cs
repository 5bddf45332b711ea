using System.Text.Json.Serialization;
using SmartRetry.Simulator.Domain;
using SmartRetry.Simulator.Http;

namespace SmartRetry.Simulator.Contracts;

/// <summary>GET /v1/payments/status (§2.6).</summary>
internal sealed record TransactionStatusResponse(
    [property: JsonPropertyName("transaction_id")] string TransactionId,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("amount")] decimal Amount,
    [property: JsonPropertyName("currency")] string Currency,
    [property: JsonPropertyName("authorization_code")] string? AuthorizationCode,
    [property: JsonPropertyName("attempt_number")] int AttemptNumber,
    [property: JsonPropertyName("created_at")] string CreatedAt,
    [property: JsonPropertyName("updated_at")] string UpdatedAt,
    [property: JsonPropertyName("status")] StatusBody Status,
    [property: JsonPropertyName("order")] TransactionOrderBody Order)
{
    [JsonPropertyName("merchant_transaction_id")]
    public string? MerchantTransactionId { get; init; }

    [JsonPropertyName("recurring_id")]
    public string? RecurringId { get; init; }

    public static TransactionStatusResponse From(Transaction transaction) =>
        new(
            transaction.TransactionId,
            transaction.Type,
            transaction.Amount,
            transaction.Currency,
            transaction.AuthorizationCode,
            transaction.AttemptNumber,
            Iso8601.Timestamp(transaction.CreatedAt),
            Iso8601.Timestamp(transaction.UpdatedAt),
            StatusBody.From(transaction.Status),
            new TransactionOrderBody(
                transaction.Order.OrderId,
                transaction.Order.MerchantOrderId,
                transaction.Order.Description,
                PayerBody.From(transaction.Order.Payer),
                transaction.Card is null ? null : PaymentInstrumentBody.From(transaction.Card)))
        {
            MerchantTransactionId = transaction.MerchantTransactionId,
            RecurringId = transaction.RecurringId,
        };
}

internal sealed record TransactionOrderBody(
    [property: JsonPropertyName("order_id")] string OrderId,
    [property: JsonPropertyName("merchant_order_id")] string? MerchantOrderId,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("payer")] PayerBody? Payer,
    [property: JsonPropertyName("payment_instrument")] PaymentInstrumentBody? PaymentInstrument);
