using System.Text.Json.Serialization;

namespace SmartRetry.Functions.Sales;

/// <summary>The optional body of <c>POST /api/payments/{paymentId}/cancel</c>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record SaleCancelRequest
{
    public string? Reason { get; init; }
}
