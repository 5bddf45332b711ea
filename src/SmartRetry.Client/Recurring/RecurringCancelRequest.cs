using System.Text.Json.Serialization;

namespace SmartRetry.Client.Recurring;

/// <summary>Cancels a series for good (smartretry-api.md §2.11).</summary>
public sealed record RecurringCancelRequest
{
    [JsonPropertyName("recurring_id")]
    public required string RecurringId { get; init; }
}
