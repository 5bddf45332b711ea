using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmartRetry.Client.Serialization;

/// <summary>
/// Reads an enum from its wire name case-insensitively and maps values this client does not know to the enum's zero
/// member (<c>Unrecognized</c>), so a new value added by SmartRetry never breaks parsing. Wire names come from
/// <see cref="JsonStringEnumMemberNameAttribute"/>, else the member name in snake_case.
/// </summary>
internal sealed class TolerantEnumConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    private static readonly FrozenDictionary<TEnum, string> WireNames = typeof(TEnum)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => !EqualityComparer<TEnum>.Default.Equals((TEnum)field.GetValue(null)!, default))
        .ToFrozenDictionary(
            field => (TEnum)field.GetValue(null)!,
            field => field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
                ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(field.Name));

    private static readonly FrozenDictionary<string, TEnum> Values =
        WireNames.ToFrozenDictionary(pair => pair.Value, pair => pair.Key, StringComparer.OrdinalIgnoreCase);

    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && Values.TryGetValue(reader.GetString()!, out TEnum value) ? value : default;

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
        writer.WriteStringValue(WireNames.TryGetValue(value, out string? name)
            ? name
            : throw new JsonException($"{typeof(TEnum).Name}.{value} has no SmartRetry wire value."));
}
