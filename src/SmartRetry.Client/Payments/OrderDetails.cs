using System.Text.Json.Serialization;
using SmartRetry.Client.Models;

namespace SmartRetry.Client.Payments;

/// <summary>The <c>order</c> of a sale or pre-authorization: who pays, with what, and our order reference.</summary>
public sealed record OrderDetails
{
    [JsonPropertyName("merchant_order_id")]
    public string? MerchantOrderId { get; init; }

    /// <summary>The card; required unless <see cref="PaymentRequest.Token"/> is sent.</summary>
    [JsonPropertyName("payment_instrument")]
    public PaymentInstrument? PaymentInstrument { get; init; }

    [JsonPropertyName("payer")]
    public Payer? Payer { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }
}
