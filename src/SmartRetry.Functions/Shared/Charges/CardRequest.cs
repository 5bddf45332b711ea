using System.Text.Json.Serialization;

namespace SmartRetry.Functions.Shared.Charges;

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
