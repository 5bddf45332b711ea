using System.Text.Json.Serialization;
using SmartRetry.Client.Serialization;

namespace SmartRetry.Client.FutureTransactions;

/// <summary>Runs a pending scheduled charge now (https://www.smartretry.com/docs/api-reference/future-transactions/charge); it is not charged again on its date.</summary>
public sealed record FutureTransactionChargeRequest
{
    [JsonPropertyName("future_transaction_id")]
    public required string FutureTransactionId { get; init; }

    [JsonPropertyName("recurring_id")]
    public required string RecurringId { get; init; }

    /// <summary>An override of the scheduled amount.</summary>
    [JsonIgnore]
    public decimal? Amount { get; init; }

    [JsonInclude]
    [JsonPropertyName("amount")]
    internal CurrencyAmount? WireAmount => Amount is { } amount ? new CurrencyAmount(amount, null) : null;
}
