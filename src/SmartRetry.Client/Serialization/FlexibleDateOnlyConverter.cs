using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmartRetry.Client.Serialization;

/// <summary>
/// Writes <c>YYYY-MM-DD</c>; reads either a date or an ISO 8601 date-time (the docs page and the OpenAPI file disagree
/// on <c>scheduled_date</c>), keeping the calendar date as written.
/// </summary>
internal sealed class FlexibleDateOnlyConverter : JsonConverter<DateOnly>
{
    private const string DateFormat = "yyyy-MM-dd";

    public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string? text = reader.GetString();
        if (DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date))
        {
            return date;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out DateTimeOffset dateTime))
        {
            return DateOnly.FromDateTime(dateTime.DateTime);
        }

        throw new JsonException($"'{text}' is neither a YYYY-MM-DD date nor an ISO 8601 date-time.");
    }

    public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options)
    {
        Span<char> buffer = stackalloc char[10];
        value.TryFormat(buffer, out int written, DateFormat, CultureInfo.InvariantCulture);
        writer.WriteStringValue(buffer[..written]);
    }
}
