using System.Text.Json.Serialization;

namespace SmartRetry.Client.Recurring;

/// <summary>
/// The answer to an update or a cancel of a series. The pages name the flag <c>accepted</c>, the OpenAPI file
/// <c>updated</c> or <c>cancelled</c>; any of them reads into <see cref="Accepted"/>.
/// </summary>
public sealed record RecurringChangeResult
{
    [JsonPropertyName("recurring_id")]
    public string? RecurringId { get; init; }

    [JsonPropertyName("accepted")]
    public bool Accepted { get; init; }

    [JsonInclude]
    [JsonPropertyName("updated")]
    private bool? Updated { get => null; init => Accepted |= value == true; }

    [JsonInclude]
    [JsonPropertyName("cancelled")]
    private bool? Cancelled { get => null; init => Accepted |= value == true; }
}
