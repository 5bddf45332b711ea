using System.Text.Json.Serialization;
using SmartRetry.Simulator.Domain;

namespace SmartRetry.Simulator.Contracts;

/// <summary>The payer as status responses show it (§2.6): the e-mail split in two, never whole.</summary>
internal sealed record PayerBody(
    [property: JsonPropertyName("friendly_id")] string FriendlyId,
    [property: JsonPropertyName("first_name")] string FirstName,
    [property: JsonPropertyName("last_name")] string LastName,
    [property: JsonPropertyName("email_username")] string EmailUsername,
    [property: JsonPropertyName("email_domain")] string EmailDomain,
    [property: JsonPropertyName("phone_number")] string? PhoneNumber)
{
    public static PayerBody? From(Payer? payer) =>
        payer is null ? null : new(payer.FriendlyId, payer.FirstName, payer.LastName, payer.EmailUsername, payer.EmailDomain, payer.PhoneNumber);
}
