using System.Text.Json.Serialization;

namespace SmartRetry.Client.FutureTransactions;

/// <summary>One scheduled charge of a platform-managed series (https://www.smartretry.com/docs/api-reference/future-transactions/status).</summary>
public sealed record FutureTransaction
{
    [JsonPropertyName("future_transaction_id")]
    public string? FutureTransactionId { get; init; }

    [JsonPropertyName("recurring_id")]
    public string? RecurringId { get; init; }

    /// <summary>Read from either <c>YYYY-MM-DD</c> or an ISO 8601 date-time.</summary>
    [JsonPropertyName("scheduled_date")]
    public DateOnly? ScheduledDate { get; init; }

    /// <summary>Position in the series, from 1.</summary>
    [JsonPropertyName("sequence_number")]
    public int? SequenceNumber { get; init; }

    [JsonPropertyName("amount")]
    public decimal? Amount { get; init; }

    [JsonPropertyName("currency")]
    public string? Currency { get; init; }

    [JsonPropertyName("status")]
    public FutureTransactionState Status { get; init; }

    /// <summary>The executing transaction's id, once <see cref="FutureTransactionState.Completed"/>.</summary>
    [JsonPropertyName("executed_transaction")]
    public string? ExecutedTransaction { get; init; }

    [JsonPropertyName("executed_at")]
    public DateTimeOffset? ExecutedAt { get; init; }

    [JsonPropertyName("notes")]
    public string? Notes { get; init; }
}
