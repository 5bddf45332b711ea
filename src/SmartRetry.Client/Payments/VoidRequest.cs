using System.Text.Json.Serialization;

namespace SmartRetry.Client.Payments;

/// <summary>Cancels an uncaptured pre-authorization and releases the hold (https://www.smartretry.com/docs/api-reference/payments/void).</summary>
public sealed record VoidRequest
{
    /// <summary>The pre-authorization's <c>transaction_id</c> (8 characters).</summary>
    [JsonPropertyName("transaction_reference_id")]
    public required string TransactionReferenceId { get; init; }

    /// <summary>Its <c>order_id</c> (8 characters).</summary>
    [JsonPropertyName("order_reference_id")]
    public required string OrderReferenceId { get; init; }
}
