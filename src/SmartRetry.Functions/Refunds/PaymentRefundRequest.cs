using System.Text.Json.Serialization;

namespace SmartRetry.Functions.Refunds;

/// <summary>
/// The body of <c>POST /api/payments/{paymentId}/refund</c> (snake_case JSON per <c>PaymentsJson</c>). Every field is
/// nullable so a missing one is reported by validation, naming the field. Unknown fields are rejected.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record PaymentRefundRequest
{
    /// <summary>The merchant's key for this refund: the same refund id again is the same refund.</summary>
    public string? RefundId { get; init; }

    /// <summary>Major units, with at most the original's currency decimals; omitted refunds all that is left.</summary>
    public decimal? Amount { get; init; }

    public string? Reason { get; init; }
}
