using System.Text.Json.Serialization;

namespace SmartRetry.Client.Recurring;

/// <summary>Cancels a series for good (https://www.smartretry.com/docs/api-reference/recurring/cancel).</summary>
public sealed record RecurringCancelRequest
{
    [JsonPropertyName("recurring_id")]
    public required string RecurringId { get; init; }
}
