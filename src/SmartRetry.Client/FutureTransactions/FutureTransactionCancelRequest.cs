using System.Text.Json.Serialization;

namespace SmartRetry.Client.FutureTransactions;

/// <summary>Skips one scheduled charge; the series continues (https://www.smartretry.com/docs/api-reference/future-transactions/cancel).</summary>
public sealed record FutureTransactionCancelRequest
{
    [JsonPropertyName("future_transaction_id")]
    public required string FutureTransactionId { get; init; }

    [JsonPropertyName("recurring_id")]
    public required string RecurringId { get; init; }
}
