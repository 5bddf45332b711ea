using System.Text.Json.Serialization;

namespace SmartRetry.Payments.Recurring.Requests;

/// <summary>The body of <c>PUT /api/recurring/{id}/amount</c>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record AmountUpdateRequest
{
    public decimal? Amount { get; init; }
}
