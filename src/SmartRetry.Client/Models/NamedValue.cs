using System.Text.Json.Serialization;

namespace SmartRetry.Client.Models;

/// <summary>A card issuer or brand.</summary>
public sealed record NamedValue(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("description")] string? Description = null);
