using System.Text.Json.Serialization;

namespace SmartRetry.Client.Models;

/// <summary>The payer of a request.</summary>
public sealed record Payer
{
    [JsonPropertyName("first_name")]
    public required string FirstName { get; init; }

    [JsonPropertyName("last_name")]
    public required string LastName { get; init; }

    [JsonPropertyName("email")]
    public required string Email { get; init; }

    [JsonPropertyName("full_name")]
    public string? FullName { get; init; }

    /// <summary>An existing SmartRetry payer id (8 characters).</summary>
    [JsonPropertyName("friendly_id")]
    public string? FriendlyId { get; init; }

    /// <summary>E.164, e.g. <c>+12125551234</c>.</summary>
    [JsonPropertyName("phone_number")]
    public string? PhoneNumber { get; init; }

    [JsonPropertyName("national_id")]
    public string? NationalId { get; init; }

    [JsonPropertyName("birth_date")]
    public DateOnly? BirthDate { get; init; }

    [JsonPropertyName("address")]
    public Address? Address { get; init; }
}
