using System.Text.Json.Serialization;

namespace SmartRetry.Client.Models;

/// <summary>Who receives the goods (3DS).</summary>
public sealed record ShippingRecipient
{
    [JsonPropertyName("first_name")]
    public required string FirstName { get; init; }

    [JsonPropertyName("last_name")]
    public required string LastName { get; init; }

    [JsonPropertyName("full_name")]
    public string? FullName { get; init; }

    [JsonPropertyName("friendly_id")]
    public string? FriendlyId { get; init; }

    /// <summary><c>residential</c> or <c>business</c>.</summary>
    [JsonPropertyName("usage_type")]
    public string? UsageType { get; init; }

    [JsonPropertyName("address")]
    public Address? Address { get; init; }
}
