using System.Text.Json.Serialization;

namespace SmartRetry.Client.Models;

/// <summary>The tokenized card SmartRetry reports back: never the PAN.</summary>
public sealed record PaymentInstrumentSummary
{
    /// <summary>The 88-character token to charge this card again.</summary>
    [JsonPropertyName("token")]
    public string? Token { get; init; }

    [JsonPropertyName("payment_method")]
    public PaymentMethod PaymentMethod { get; init; }

    [JsonPropertyName("card_cardholder_name")]
    public string? CardholderName { get; init; }

    [JsonPropertyName("card_card_last_four_digit")]
    public string? CardLastFourDigits { get; init; }

    [JsonPropertyName("card_bin")]
    public string? CardBin { get; init; }

    [JsonPropertyName("expiration_date")]
    public DateTimeOffset? ExpirationDate { get; init; }

    [JsonPropertyName("card_profile")]
    public CardProfile? CardProfile { get; init; }
}
