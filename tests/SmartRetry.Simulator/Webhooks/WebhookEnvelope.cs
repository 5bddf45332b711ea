using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SmartRetry.Simulator.Webhooks;

/// <summary>The event envelope (§6.3).</summary>
internal sealed record WebhookEnvelope(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("created_at")] string CreatedAt,
    [property: JsonPropertyName("environment")] string Environment,
    [property: JsonPropertyName("data")] JsonNode Data);
