using System.Text.Json.Serialization;

namespace SmartRetry.Client.Health;

/// <summary>The body of a health endpoint: <c>healthy</c>, <c>ready</c> (with per-dependency checks) or <c>alive</c>.</summary>
public sealed record HealthReport
{
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    [JsonPropertyName("timestamp")]
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>Readiness only: e.g. <c>database</c> → <c>ok</c>.</summary>
    [JsonPropertyName("checks")]
    public IReadOnlyDictionary<string, string>? Checks { get; init; }
}
