using System.Text.Json.Serialization;

namespace SmartRetry.Functions.Shared.Charges;

/// <summary>
/// The body of <c>POST /api/payments/sale</c> (snake_case JSON per <c>PaymentsJson</c>). Every field is nullable so a
/// missing one is reported by validation, naming the field, rather than failing deserialization. Unknown fields are
/// rejected: a misspelt <c>scheduled_at</c> must not silently become an immediate charge.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ChargeRequest
{
    public string? MerchantTransactionId { get; init; }

    /// <summary>Major units (49.99 = $49.99), with at most the currency's decimals.</summary>
    public decimal? Amount { get; init; }

    public string? Currency { get; init; }

    public CardRequest? Card { get; init; }

    public PayerRequest? Payer { get; init; }

    public string? Description { get; init; }

    public string? MerchantOrderId { get; init; }

    /// <summary>Makes the sale future-dated: it is charged then, and can be cancelled until then. Must state its offset.</summary>
    [JsonConverter(typeof(ExplicitOffsetDateTimeConverter))]
    public DateTimeOffset? ScheduledAt { get; init; }
}

/// <summary>The card in a sale request. <see cref="ToString"/> never shows the number, expiry or CVV.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CardRequest
{
    public string? Number { get; init; }

    public int? ExpiryMonth { get; init; }

    public int? ExpiryYear { get; init; }

    public string? Cvv { get; init; }

    public string? HolderName { get; init; }

    public override string ToString() => "CardRequest { Number = ****, Expiry = **/****, Cvv = *** }";
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record PayerRequest
{
    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public string? Email { get; init; }

    /// <summary>E.164, e.g. <c>+12125551234</c>.</summary>
    public string? PhoneNumber { get; init; }
}
