using System.Text;
using System.Text.Json.Serialization;
using SmartRetry.Client.Models;
using SmartRetry.Client.Serialization;

namespace SmartRetry.Client.Recurring;

/// <summary>
/// Creates a series and runs its first payment (https://www.smartretry.com/docs/api-reference/recurring/init). Unlike a sale, the card and payer sit at the
/// top level. Send either <see cref="PaymentInstrument"/> or <see cref="Token"/>, and either <see cref="Payer"/> or
/// <see cref="PayerFingerprint"/>. <see cref="object.ToString"/> masks the card and the CVV.
/// </summary>
public sealed record RecurringInitRequest
{
    /// <summary>The series' default amount in major units, from 1 to 999999999.</summary>
    [JsonIgnore]
    public required decimal Amount { get; init; }

    [JsonInclude]
    [JsonPropertyName("amount")]
    internal CurrencyAmount WireAmount => new(Amount, Currency);

    [JsonPropertyName("currency")]
    public required string Currency { get; init; }

    [JsonPropertyName("recurring")]
    public required RecurringSchedule Recurring { get; init; }

    [JsonPropertyName("payment_instrument")]
    public PaymentInstrument? PaymentInstrument { get; init; }

    [JsonPropertyName("payer")]
    public Payer? Payer { get; init; }

    /// <summary>A stored 88-character payer fingerprint, instead of <see cref="Payer"/>.</summary>
    [JsonPropertyName("payer_fingerprint")]
    public string? PayerFingerprint { get; init; }

    /// <summary>A stored 88-character payment token, instead of <see cref="PaymentInstrument"/>.</summary>
    [JsonPropertyName("token")]
    public string? Token { get; init; }

    [JsonPropertyName("cvv")]
    public string? Cvv { get; init; }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Amount = ").Append(Amount)
            .Append(", Currency = ").Append(Currency)
            .Append(", Recurring = ").Append(Recurring)
            .Append(", PaymentInstrument = ").Append(PaymentInstrument)
            .Append(", Payer = ").Append(Payer)
            .Append(", Token = ").Append(Token is null ? null : SensitiveText.Redacted)
            .Append(", Cvv = ").Append(SensitiveText.MaskCvv(Cvv));
        return true;
    }
}
