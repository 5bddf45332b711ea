using System.Text.Json.Serialization;

namespace SmartRetry.Client.Recurring;

/// <summary>The charge of a series. <see cref="Accepted"/> true is authorized, false declined: always check it.</summary>
public sealed record RecurringChargeResult
{
    [JsonPropertyName("transaction_id")]
    public string? TransactionId { get; init; }

    [JsonPropertyName("order_id")]
    public string? OrderId { get; init; }

    [JsonPropertyName("recurring_id")]
    public string? RecurringId { get; init; }

    [JsonPropertyName("accepted")]
    public bool Accepted { get; init; }
}
