using System.Text.Json.Serialization;

namespace SmartRetry.Client.Models;

/// <summary>
/// The status object of a transaction. <see cref="ReasonCode"/> is kept as sent (<c>AUTH.APPROVED</c> or a bare
/// <c>INSUFFICIENT_FUNDS</c>): reason codes are an open set.
/// </summary>
public sealed record TransactionStatus
{
    [JsonPropertyName("status")]
    public TransactionState State { get; init; }

    [JsonPropertyName("reasonCode")]
    public string? ReasonCode { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary><c>SYSTEM</c>, <c>VALIDATION</c>, <c>RISK</c>, <c>ROUTING</c>, <c>AUTH</c>, <c>PROCESSOR</c>, <c>PAYMENT_METHOD</c> or <c>PAYER_ACCOUNT</c>.</summary>
    [JsonPropertyName("domain")]
    public string? Domain { get; init; }

    /// <summary>The bare reason (OpenAPI only), e.g. <c>INSUFFICIENT_FUNDS</c>.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; init; }

    /// <summary>On validation reasons, the JSON pointer of the offending request field.</summary>
    [JsonPropertyName("field")]
    public StatusField? Field { get; init; }
}
