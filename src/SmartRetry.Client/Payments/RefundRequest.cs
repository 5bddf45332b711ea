using System.Text.Json.Serialization;
using SmartRetry.Client.Serialization;

namespace SmartRetry.Client.Payments;

/// <summary>Returns funds for a completed sale or capture (https://www.smartretry.com/docs/api-reference/payments/refund); several partial refunds are allowed.</summary>
public sealed record RefundRequest
{
    /// <summary>The sale's or capture's <c>transaction_id</c> (8 characters).</summary>
    [JsonPropertyName("transaction_reference_id")]
    public required string TransactionReferenceId { get; init; }

    /// <summary>Its <c>order_id</c> (8 characters).</summary>
    [JsonPropertyName("order_reference_id")]
    public required string OrderReferenceId { get; init; }

    /// <summary>Our id for the refund; must differ from the original's.</summary>
    [JsonPropertyName("merchant_transaction_id")]
    public string? MerchantTransactionId { get; init; }

    /// <summary>Null refunds the full amount.</summary>
    [JsonIgnore]
    public decimal? Amount { get; init; }

    [JsonInclude]
    [JsonPropertyName("amount")]
    internal CurrencyAmount? WireAmount => Amount is { } amount ? new CurrencyAmount(amount, Currency) : null;

    /// <summary>Null means the original transaction's currency.</summary>
    [JsonPropertyName("currency")]
    public string? Currency { get; init; }
}
