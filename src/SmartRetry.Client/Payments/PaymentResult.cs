using System.Text.Json.Serialization;

namespace SmartRetry.Client.Payments;

/// <summary>
/// SmartRetry's answer to a sale, pre-authorization, capture, refund or void. <see cref="Accepted"/> false is a decline,
/// not an error; true means taken for processing: confirm the final outcome with the status endpoint or a webhook.
/// </summary>
public sealed record PaymentResult
{
    /// <summary>The new transaction's id (8 characters).</summary>
    [JsonPropertyName("transaction_id")]
    public string? TransactionId { get; init; }

    [JsonPropertyName("order_id")]
    public string? OrderId { get; init; }

    [JsonPropertyName("merchant_transaction_id")]
    public string? MerchantTransactionId { get; init; }

    [JsonPropertyName("merchant_order_id")]
    public string? MerchantOrderId { get; init; }

    [JsonPropertyName("accepted")]
    public bool Accepted { get; init; }
}
