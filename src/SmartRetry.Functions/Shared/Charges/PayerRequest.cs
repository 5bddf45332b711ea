using System.Text.Json.Serialization;

namespace SmartRetry.Functions.Shared.Charges;

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record PayerRequest
{
    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public string? Email { get; init; }

    /// <summary>E.164, e.g. <c>+12125551234</c>.</summary>
    public string? PhoneNumber { get; init; }
}
