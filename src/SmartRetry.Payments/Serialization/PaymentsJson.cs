using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmartRetry.Payments.Serialization;

/// <summary>
/// The one JSON shape for everything Payments serializes: HTTP bodies, workflow inputs and outputs, events and custom
/// status. A host must give every path that carries these payloads this shape; the Functions host does so by applying
/// <see cref="Apply"/> to the worker's DI <see cref="JsonSerializerOptions"/> as well as installing <see cref="Options"/>
/// as its serializer (see its service registration for why both). Changing the shape breaks the history of instances
/// in flight.
/// </summary>
public static class PaymentsJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Gives options created elsewhere (a host's own instance) the Payments shape.</summary>
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

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Apply(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
