using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmartRetry.Client.Errors;

/// <summary>SmartRetry's RFC 7807 error body (https://www.smartretry.com/docs/api-reference/errors). Branch on <see cref="ReasonCode"/>, never on <see cref="Type"/>.</summary>
public sealed record SmartRetryProblem
{
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    [JsonPropertyName("title")]
    public string? Title { get; init; }

    [JsonPropertyName("status")]
    public int? Status { get; init; }

    [JsonPropertyName("detail")]
    public string? Detail { get; init; }

    /// <summary>Identifies this occurrence: quote it to SmartRetry support.</summary>
    [JsonPropertyName("instance")]
    public string? Instance { get; init; }

    /// <summary>The stable machine code, kept as sent even when this client does not know it.</summary>
    [JsonPropertyName("reason_code")]
    public string? ReasonCode { get; init; }

    /// <summary>Error-specific data, e.g. <c>field</c>, <c>value</c>, <c>idempotency_key</c>, <c>retry_after_seconds</c>.</summary>
    [JsonPropertyName("context")]
    public IReadOnlyDictionary<string, JsonElement>? Context { get; init; }
}
