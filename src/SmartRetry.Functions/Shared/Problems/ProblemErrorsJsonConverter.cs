using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmartRetry.Functions.Shared.Problems;

/// <summary>
/// Writes <see cref="PaymentsProblem.Errors"/> with its keys verbatim: they are JSON pointers into the request, which the
/// shared options' snake_case dictionary-key policy would otherwise rewrite (<c>/merchantRef</c> → <c>/merchant_ref</c>).
/// </summary>
internal sealed class ProblemErrorsJsonConverter : JsonConverter<IReadOnlyDictionary<string, string[]>>
{
    public override IReadOnlyDictionary<string, string[]>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Problem errors must be a JSON object.");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string pointer = reader.GetString()!;
            reader.Read();
            errors[pointer] = JsonSerializer.Deserialize<string[]>(ref reader, options) ?? [];
        }

        return errors;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, string[]> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach ((string pointer, string[] messages) in value)
        {
            writer.WritePropertyName(pointer);
            JsonSerializer.Serialize(writer, messages, options);
        }

        writer.WriteEndObject();
    }
}
