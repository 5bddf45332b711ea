using System.Text;
using System.Text.Json.Serialization;
using SmartRetry.Client.Models;
using SmartRetry.Client.Serialization;

namespace SmartRetry.Client.Recurring;

/// <summary>Charges a merchant-managed series now (https://www.smartretry.com/docs/api-reference/recurring/charge). <see cref="object.ToString"/> masks the CVV.</summary>
public sealed record RecurringChargeRequest
{
    [JsonPropertyName("recurring_id")]
    public required string RecurringId { get; init; }

    /// <summary>A one-off override of the series amount.</summary>
    [JsonIgnore]
    public decimal? Amount { get; init; }

    [JsonInclude]
    [JsonPropertyName("amount")]
    internal CurrencyAmount? WireAmount => Amount is { } amount ? new CurrencyAmount(amount, Currency) : null;

    /// <summary>A one-off override of the series currency.</summary>
    [JsonPropertyName("currency")]
    public string? Currency { get; init; }

    [JsonPropertyName("cvv")]
    public string? Cvv { get; init; }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("RecurringId = ").Append(RecurringId)
            .Append(", Amount = ").Append(Amount)
            .Append(", Currency = ").Append(Currency)
            .Append(", Cvv = ").Append(SensitiveText.MaskCvv(Cvv));
        return true;
    }
}
