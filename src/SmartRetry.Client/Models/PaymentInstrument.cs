using System.Text;
using System.Text.Json.Serialization;

namespace SmartRetry.Client.Models;

/// <summary>
/// Raw card data for a request. <see cref="object.ToString"/> shows only the last four digits and never the expiry, so
/// an instance can be logged by accident without leaking the card.
/// </summary>
public sealed record PaymentInstrument
{
    /// <summary>The PAN, 13 to 19 digits.</summary>
    [JsonPropertyName("card_number")]
    public required string CardNumber { get; init; }

    [JsonPropertyName("expiry_month")]
    public required int ExpiryMonth { get; init; }

    [JsonPropertyName("expiry_year")]
    public required int ExpiryYear { get; init; }

    [JsonPropertyName("payment_method")]
    public PaymentMethod PaymentMethod { get; init; } = PaymentMethod.Cards;

    [JsonPropertyName("card_cardholder_name")]
    public string? CardholderName { get; init; }

    [JsonPropertyName("card_profile")]
    public FingerprintReference? CardProfile { get; init; }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("CardNumber = ").Append(SensitiveText.MaskCardNumber(CardNumber))
            .Append(", ExpiryMonth = **, ExpiryYear = ****, PaymentMethod = ").Append(PaymentMethod)
            .Append(", CardholderName = ").Append(CardholderName)
            .Append(", CardProfile = ").Append(CardProfile);
        return true;
    }
}
