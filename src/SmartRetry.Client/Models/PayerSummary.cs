using System.Text.Json.Serialization;

namespace SmartRetry.Client.Models;

/// <summary>The payer as SmartRetry reports it back (the e-mail split at the <c>@</c>).</summary>
public sealed record PayerSummary
{
    [JsonPropertyName("friendly_id")]
    public string? FriendlyId { get; init; }

    [JsonPropertyName("first_name")]
    public string? FirstName { get; init; }

    [JsonPropertyName("last_name")]
    public string? LastName { get; init; }

    [JsonPropertyName("full_name")]
    public string? FullName { get; init; }

    [JsonPropertyName("email_username")]
    public string? EmailUsername { get; init; }

    [JsonPropertyName("email_domain")]
    public string? EmailDomain { get; init; }

    [JsonPropertyName("phone_number")]
    public string? PhoneNumber { get; init; }

    [JsonPropertyName("national_id")]
    public string? NationalId { get; init; }
}
