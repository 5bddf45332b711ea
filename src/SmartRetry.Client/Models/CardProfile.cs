using System.Text.Json.Serialization;

namespace SmartRetry.Client.Models;

/// <summary>
/// What SmartRetry knows about a card, never the PAN. Issuer and brand arrive nested (<c>issuer: {name}</c>) or as flat
/// dotted keys (<c>"issuer.name"</c>, recurring status page); both read into <see cref="Issuer"/> and <see cref="Brand"/>.
/// </summary>
public sealed record CardProfile
{
    private readonly NamedValue? issuer;
    private readonly NamedValue? brand;

    [JsonPropertyName("fingerprint")]
    public string? Fingerprint { get; init; }

    [JsonPropertyName("issuer")]
    public NamedValue? Issuer { get => issuer ?? (FlatIssuerName is null ? null : new NamedValue(FlatIssuerName)); init => issuer = value; }

    [JsonPropertyName("brand")]
    public NamedValue? Brand { get => brand ?? (FlatBrandName is null ? null : new NamedValue(FlatBrandName)); init => brand = value; }

    /// <summary>E.g. <c>CONSUMER</c>, <c>PREPAID</c>, <c>BUSINESS</c>; an open set.</summary>
    [JsonPropertyName("category")]
    public string? Category { get; init; }

    /// <summary><c>DEBIT</c>, <c>CREDIT</c> or <c>CHARGE</c>, in whatever case SmartRetry sends.</summary>
    [JsonPropertyName("cardType")]
    public string? CardType { get; init; }

    [JsonPropertyName("panLength")]
    public int? PanLength { get; init; }

    [JsonPropertyName("cardUsage")]
    public string? CardUsage { get; init; }

    [JsonInclude]
    [JsonPropertyName("issuer.name")]
    private string? FlatIssuerName { get; init; }

    [JsonInclude]
    [JsonPropertyName("brand.name")]
    private string? FlatBrandName { get; init; }
}
