using System.Text;
using System.Text.Json.Serialization;
using SmartRetry.Client.Models;
using SmartRetry.Client.Serialization;

namespace SmartRetry.Client.Payments;

/// <summary>
/// The body of a sale or a pre-authorization (identical shapes, https://www.smartretry.com/docs/api-reference/payments/sale). Card and payer go under
/// <see cref="Order"/>; a returning payer's <see cref="Token"/> and the <see cref="Cvv"/> at the top level.
/// <see cref="object.ToString"/> masks the card and the CVV.
/// </summary>
public sealed record PaymentRequest
{
    /// <summary>Our own reference, echoed back; not an idempotency mechanism. At most 100 characters.</summary>
    [JsonPropertyName("merchant_transaction_id")]
    public required string MerchantTransactionId { get; init; }

    /// <summary>Major units (49.99 = $49.99), from 1 to 999999999, with at most the currency's decimals.</summary>
    [JsonIgnore]
    public required decimal Amount { get; init; }

    [JsonInclude]
    [JsonPropertyName("amount")]
    internal CurrencyAmount WireAmount => new(Amount, Currency);

    /// <summary>One of <see cref="SmartRetryCurrencies.Supported"/>.</summary>
    [JsonPropertyName("currency")]
    public required string Currency { get; init; }

    [JsonPropertyName("order")]
    public OrderDetails? Order { get; init; }

    /// <summary>A stored 88-character payment token, instead of a raw card.</summary>
    [JsonPropertyName("token")]
    public string? Token { get; init; }

    [JsonPropertyName("cvv")]
    public string? Cvv { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>An existing SmartRetry order id (8 characters) to attach this transaction to.</summary>
    [JsonPropertyName("order_id")]
    public string? OrderId { get; init; }

    /// <summary>The payer's IPv4 address, for fraud scoring.</summary>
    [JsonPropertyName("payer_request_ip_address")]
    public string? PayerRequestIpAddress { get; init; }

    [JsonPropertyName("device_profile")]
    public DeviceProfile? DeviceProfile { get; init; }

    /// <summary>3DS shipping indicator, <c>"01"</c> to <c>"09"</c>.</summary>
    [JsonPropertyName("ship_indicator")]
    public string? ShipIndicator { get; init; }

    [JsonPropertyName("delivery_address_usage_indicator")]
    public string? DeliveryAddressUsageIndicator { get; init; }

    [JsonPropertyName("delivery_timeframe")]
    public string? DeliveryTimeframe { get; init; }

    [JsonPropertyName("shipping_recipient")]
    public ShippingRecipient? ShippingRecipient { get; init; }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("MerchantTransactionId = ").Append(MerchantTransactionId)
            .Append(", Amount = ").Append(Amount)
            .Append(", Currency = ").Append(Currency)
            .Append(", Order = ").Append(Order)
            .Append(", Token = ").Append(Token is null ? null : SensitiveText.Redacted)
            .Append(", Cvv = ").Append(SensitiveText.MaskCvv(Cvv))
            .Append(", Description = ").Append(Description)
            .Append(", OrderId = ").Append(OrderId);
        return true;
    }
}
