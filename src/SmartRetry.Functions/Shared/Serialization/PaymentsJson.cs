using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmartRetry.Functions.Shared.Serialization;

/// <summary>
/// The one JSON shape for everything the app serializes: HTTP bodies, orchestration inputs and outputs, events and custom
/// status. A host must give every path that carries these payloads this shape; the Functions host does so by applying
/// <see cref="Apply"/> to the worker's DI <see cref="JsonSerializerOptions"/> as well as installing <see cref="Options"/>
/// as its serializer (see its service registration for why both). Changing the shape breaks the history of instances
/// in flight.
/// </summary>
public static class PaymentsJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>
    /// How a request body from outside is read: the same names as <see cref="Options"/>, strictly. A field given twice
    /// is refused (otherwise the last one silently wins: a second <c>amount</c> hidden in a body a proxy logged), names
    /// match exactly, numbers only as JSON numbers, enums only by name (<c>1</c> or <c>99</c> is no
    /// <c>managed_by</c>). Orchestration payloads keep <see cref="Options"/>: histories already written must still read.
    /// </summary>
    public static JsonSerializerOptions RequestOptions { get; } = CreateRequestOptions();

    /// <summary>Gives options created elsewhere (a host's own instance) the app's JSON shape.</summary>
    public static void Apply(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNameCaseInsensitive = true;
        options.NumberHandling = JsonNumberHandling.AllowReadingFromString;
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
    }

    private static JsonSerializerOptions CreateRequestOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNameCaseInsensitive = false,
            NumberHandling = JsonNumberHandling.Strict,
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            AllowDuplicateProperties = false,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Apply(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
