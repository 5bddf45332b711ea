using System.Text.Json.Serialization;
using SmartRetry.Client.Serialization;

namespace SmartRetry.Client.Recurring;

/// <summary>
/// Changes a series; null fields stay unchanged (https://www.smartretry.com/docs/api-reference/recurring/update). A PUT, so SmartRetry ignores idempotency keys:
/// sending the same update twice applies the same values twice, which is harmless.
/// </summary>
public sealed record RecurringUpdateRequest
{
    [JsonPropertyName("recurring_id")]
    public required string RecurringId { get; init; }

    /// <summary>New default amount for future charges.</summary>
    [JsonIgnore]
    public decimal? Amount { get; init; }

    [JsonInclude]
    [JsonPropertyName("amount")]
    internal CurrencyAmount? WireAmount => Amount is { } amount ? new CurrencyAmount(amount, null) : null;

    /// <summary>Platform-managed series only, while the original start date has not passed.</summary>
    [JsonPropertyName("first_payment_date")]
    public DateOnly? FirstPaymentDate { get; init; }

    /// <summary>Platform-managed series only.</summary>
    [JsonPropertyName("recurring_date_type")]
    public RecurringInterval? RecurringDateType { get; init; }

    /// <summary>Platform-managed series only; at least 1.</summary>
    [JsonPropertyName("time_interval")]
    public int? TimeInterval { get; init; }

    /// <summary>Counts completed payments too: a value below them completes the series at once.</summary>
    [JsonPropertyName("number_of_payments")]
    public int? NumberOfPayments { get; init; }
}
