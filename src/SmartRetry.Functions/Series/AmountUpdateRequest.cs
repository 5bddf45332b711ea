using System.Text.Json.Serialization;

namespace SmartRetry.Functions.Series;

/// <summary>The body of <c>PUT /api/recurring/{id}/amount</c>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record AmountUpdateRequest
{
    public decimal? Amount { get; init; }
}
