using System.Text.Json.Serialization;

namespace SmartRetry.Client.FutureTransactions;

/// <summary>Skips one scheduled charge; the series continues (smartretry-api.md §2.15).</summary>
public sealed record FutureTransactionCancelRequest
{
    [JsonPropertyName("future_transaction_id")]
    public required string FutureTransactionId { get; init; }

    [JsonPropertyName("recurring_id")]
    public required string RecurringId { get; init; }
}
