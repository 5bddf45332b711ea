using System.Text.Json.Serialization;
using SmartRetry.Client.Serialization;

namespace SmartRetry.Client.FutureTransactions;

/// <summary>Changes one scheduled charge; later ones do not shift (https://www.smartretry.com/docs/api-reference/future-transactions/update). A PUT: no idempotency key.</summary>
public sealed record FutureTransactionUpdateRequest
{
    [JsonPropertyName("future_transaction_id")]
    public required string FutureTransactionId { get; init; }

    [JsonPropertyName("recurring_id")]
    public required string RecurringId { get; init; }

    /// <summary>The amount of this occurrence only.</summary>
    [JsonIgnore]
    public decimal? Amount { get; init; }

    [JsonInclude]
    [JsonPropertyName("amount")]
    internal CurrencyAmount? WireAmount => Amount is { } amount ? new CurrencyAmount(amount, null) : null;

    /// <summary>Must be in the future.</summary>
    [JsonPropertyName("scheduled_date")]
    public DateOnly? ScheduledDate { get; init; }
}
