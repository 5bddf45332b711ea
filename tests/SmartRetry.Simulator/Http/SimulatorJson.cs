using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmartRetry.Simulator.Http;

/// <summary>
/// The simulator's own JSON settings. Every contract names its properties explicitly (SmartRetry mixes snake_case and
/// camelCase), so there is deliberately no naming policy here.
/// </summary>
internal static class SimulatorJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.Strict,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
