using System.Text.Json.Serialization;
using SmartRetry.Simulator.Domain;
using SmartRetry.Simulator.Http;

namespace SmartRetry.Simulator.Contracts;

/// <summary>The tokenized card summary in status responses (§2.6); never the PAN.</summary>
internal sealed record PaymentInstrumentBody(
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("payment_method")] string PaymentMethod,
    [property: JsonPropertyName("card_cardholder_name")] string? CardholderName,
    [property: JsonPropertyName("card_card_last_four_digit")] string LastFour,
    [property: JsonPropertyName("card_bin")] string Bin,
    [property: JsonPropertyName("expiration_date")] string ExpirationDate,
    [property: JsonPropertyName("card_profile")] CardProfileBody CardProfile)
{
    public static PaymentInstrumentBody From(CardOnFile card) =>
        new(card.Token, card.PaymentMethod, card.CardholderName, card.LastFour, card.Bin, Iso8601.Timestamp(card.ExpirationDate),
            new CardProfileBody(card.Fingerprint, new NameBody(card.Brand + " Test Issuer"), new NameBody(card.Brand), "CONSUMER", "CREDIT", card.Bin.Length + 10));
}

internal sealed record CardProfileBody(
    [property: JsonPropertyName("fingerprint")] string Fingerprint,
    [property: JsonPropertyName("issuer")] NameBody Issuer,
    [property: JsonPropertyName("brand")] NameBody Brand,
    [property: JsonPropertyName("category")] string Category,
    [property: JsonPropertyName("cardType")] string CardType,
    [property: JsonPropertyName("panLength")] int PanLength);

internal sealed record NameBody([property: JsonPropertyName("name")] string Name);
