using System.Text.Json.Serialization;
using SmartRetry.Client.Models;

namespace SmartRetry.Client.Payments;

/// <summary>The order a transaction belongs to, as the status endpoint reports it.</summary>
public sealed record TransactionOrder
{
    [JsonPropertyName("order_id")]
    public string? OrderId { get; init; }

    [JsonPropertyName("merchant_order_id")]
    public string? MerchantOrderId { get; init; }

    /// <summary>The downstream payment provider's order reference.</summary>
    [JsonPropertyName("provider_order_id")]
    public string? ProviderOrderId { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }

    [JsonPropertyName("payer")]
    public PayerSummary? Payer { get; init; }

    [JsonPropertyName("payment_instrument")]
    public PaymentInstrumentSummary? PaymentInstrument { get; init; }
}
