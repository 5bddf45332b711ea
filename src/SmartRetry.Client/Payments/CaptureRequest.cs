using System.Text.Json.Serialization;
using SmartRetry.Client.Serialization;

namespace SmartRetry.Client.Payments;

/// <summary>Settles an approved pre-authorization (https://www.smartretry.com/docs/api-reference/payments/capture). Only one capture per pre-authorization.</summary>
public sealed record CaptureRequest
{
    /// <summary>The pre-authorization's <c>transaction_id</c> (8 characters).</summary>
    [JsonPropertyName("transaction_reference_id")]
    public required string TransactionReferenceId { get; init; }

    /// <summary>The pre-authorization's <c>order_id</c> (8 characters).</summary>
    [JsonPropertyName("order_reference_id")]
    public required string OrderReferenceId { get; init; }

    /// <summary>Our id for the capture; must differ from the pre-authorization's.</summary>
    [JsonPropertyName("merchant_transaction_id")]
    public string? MerchantTransactionId { get; init; }

    /// <summary>At most the authorized amount; null captures it all.</summary>
    [JsonIgnore]
    public decimal? Amount { get; init; }

    [JsonInclude]
    [JsonPropertyName("amount")]
    internal CurrencyAmount? WireAmount => Amount is { } amount ? new CurrencyAmount(amount, null) : null;

    [JsonPropertyName("description")]
    public string? Description { get; init; }
}
