using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmartRetry.Payments.Serialization;

/// <summary>
/// The one JSON shape for everything Payments serializes: HTTP bodies, workflow inputs and outputs, events and custom
/// status. The Functions host installs the same options as its worker serializer, so the virtual-time test host and
/// Durable in Azure see identical payloads. Changing them breaks the history of instances in flight.
/// </summary>
public static class PaymentsJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
