using System.Text.Json.Serialization;

namespace SmartRetry.Client.FutureTransactions;

/// <summary>The execution of a scheduled charge. <see cref="Accepted"/> true is authorized, false declined.</summary>
public sealed record FutureTransactionChargeResult
{
    [JsonPropertyName("transaction_id")]
    public string? TransactionId { get; init; }

    [JsonPropertyName("future_transaction_id")]
    public string? FutureTransactionId { get; init; }

    [JsonPropertyName("order_id")]
    public string? OrderId { get; init; }

    [JsonPropertyName("recurring_id")]
    public string? RecurringId { get; init; }

    [JsonPropertyName("accepted")]
    public bool Accepted { get; init; }
}
