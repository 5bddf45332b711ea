using System.Text.Json.Serialization;

namespace SmartRetry.Client.Recurring;

/// <summary>The new series and its first payment. <see cref="Accepted"/> false: the first payment was declined.</summary>
public sealed record RecurringInitResult
{
    [JsonPropertyName("transaction_id")]
    public string? TransactionId { get; init; }

    [JsonPropertyName("order_id")]
    public string? OrderId { get; init; }

    /// <summary>Store it: every later recurring call needs it.</summary>
    [JsonPropertyName("recurring_id")]
    public string? RecurringId { get; init; }

    [JsonPropertyName("accepted")]
    public bool Accepted { get; init; }
}
