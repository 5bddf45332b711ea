using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using SmartRetry.Client.Models;

namespace SmartRetry.Client.Serialization;

/// <summary>Writes a <see cref="CurrencyAmount"/> with exactly its currency's decimals, as a raw JSON number.</summary>
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
