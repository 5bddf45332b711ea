using System.Text.Json.Serialization;

namespace SmartRetry.Client.Recurring;

/// <summary>
/// A processed charge of a series. The page shows transaction-shaped items, the OpenAPI file future-transaction-shaped
/// ones; this reads the union of both.
/// </summary>
public sealed record CompletedRecurringTransaction
{
    [JsonPropertyName("transaction_id")]
    public string? TransactionId { get; init; }

    [JsonPropertyName("order_id")]
    public string? OrderId { get; init; }

    [JsonPropertyName("future_transaction_id")]
    public string? FutureTransactionId { get; init; }

    [JsonPropertyName("amount")]
    public decimal? Amount { get; init; }

    [JsonPropertyName("currency")]
    public string? Currency { get; init; }

    [JsonPropertyName("accepted")]
    public bool? Accepted { get; init; }

    [JsonPropertyName("scheduled_date")]
    public DateOnly? ScheduledDate { get; init; }

    [JsonPropertyName("executed_transaction")]
    public string? ExecutedTransaction { get; init; }

    [JsonPropertyName("executed_at")]
    public DateTimeOffset? ExecutedAt { get; init; }
}
