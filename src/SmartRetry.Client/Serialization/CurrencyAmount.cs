using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using SmartRetry.Client.Models;

namespace SmartRetry.Client.Serialization;

/// <summary>
/// An amount as it goes on the wire: a JSON number in major units with exactly the currency's exponent
/// (<c>49.90</c> USD, <c>1000</c> JPY, <c>1.500</c> KWD). Without a currency (capture, overrides) the amount is written as given.
/// </summary>
[JsonConverter(typeof(CurrencyAmountConverter))]
internal readonly record struct CurrencyAmount(decimal Value, string? Currency);

internal sealed class CurrencyAmountConverter : JsonConverter<CurrencyAmount>
{
    private static readonly string[] FixedFormats = ["F0", "F1", "F2", "F3"];

    public override CurrencyAmount Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(reader.GetDecimal(), null);

    public override void Write(Utf8JsonWriter writer, CurrencyAmount value, JsonSerializerOptions options)
    {
        if (!SmartRetryCurrencies.TryGetExponent(value.Currency, out int exponent))
        {
            writer.WriteNumberValue(value.Value);
            return;
        }

        Span<byte> buffer = stackalloc byte[48];
        if (!value.Value.TryFormat(buffer, out int written, FixedFormats[exponent], CultureInfo.InvariantCulture))
        {
            throw new JsonException("The amount does not fit a SmartRetry amount.");
        }

        writer.WriteRawValue(buffer[..written], skipInputValidation: true);
    }
}
