using System.Text.Json.Serialization;

namespace SmartRetry.Simulator.Contracts;

/// <summary>The answer of every charge-type POST (sale, preauth, capture, refund, void, recurring init/charge, future charge).</summary>
internal sealed record PaymentResponse(
    [property: JsonPropertyName("transaction_id")] string TransactionId,
    [property: JsonPropertyName("order_id")] string OrderId,
    [property: JsonPropertyName("accepted")] bool Accepted)
{
    [JsonPropertyName("merchant_transaction_id")]
    public string? MerchantTransactionId { get; init; }

    [JsonPropertyName("merchant_order_id")]
    public string? MerchantOrderId { get; init; }

    [JsonPropertyName("recurring_id")]
    public string? RecurringId { get; init; }

    [JsonPropertyName("future_transaction_id")]
    public string? FutureTransactionId { get; init; }
}
