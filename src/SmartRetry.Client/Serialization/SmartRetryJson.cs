using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace SmartRetry.Client.Serialization;

/// <summary>
/// The one JSON shape of the SmartRetry wire format. Every property carries an explicit name because the API mixes
/// snake_case and camelCase; reading tolerates unknown properties, nulls and numbers sent as strings.
/// </summary>
internal static class SmartRetryJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
            Converters = { new FlexibleDateOnlyConverter() },

            // C# 'required' guides callers building requests; it must not make a missing field fail to parse.
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { NothingRequired } },
        };
        options.MakeReadOnly();
        return options;
    }

    private static void NothingRequired(JsonTypeInfo typeInfo)
    {
        foreach (JsonPropertyInfo property in typeInfo.Properties)
        {
            property.IsRequired = false;
        }
    }
}
