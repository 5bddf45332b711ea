using System.Text.Json.Serialization;

namespace SmartRetry.Client.Models;

/// <summary>A billing or shipping address.</summary>
public sealed record Address
{
    [JsonPropertyName("address_1")]
    public string? Address1 { get; init; }

    [JsonPropertyName("address_2")]
    public string? Address2 { get; init; }

    [JsonPropertyName("street")]
    public string? Street { get; init; }

    [JsonPropertyName("building")]
    public string? Building { get; init; }

    [JsonPropertyName("entrance")]
    public string? Entrance { get; init; }

    [JsonPropertyName("floor")]
    public string? Floor { get; init; }

    [JsonPropertyName("apartment")]
    public string? Apartment { get; init; }

    [JsonPropertyName("city_name")]
    public string? CityName { get; init; }

    [JsonPropertyName("city_geoname_id")]
    public string? CityGeonameId { get; init; }

    [JsonPropertyName("postal_code")]
    public string? PostalCode { get; init; }

    /// <summary>ISO 3166-2, e.g. <c>US-CA</c>.</summary>
    [JsonPropertyName("state_code")]
    public string? StateCode { get; init; }

    /// <summary>ISO 3166-1 alpha-2, e.g. <c>US</c>.</summary>
    [JsonPropertyName("country_code")]
    public string? CountryCode { get; init; }

    /// <summary>A stored address fingerprint (88 characters).</summary>
    [JsonPropertyName("fingerprint")]
    public string? Fingerprint { get; init; }
}
