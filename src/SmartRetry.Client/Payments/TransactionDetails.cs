using System.Text.Json.Serialization;
using SmartRetry.Client.Models;

namespace SmartRetry.Client.Payments;

/// <summary>A transaction's full details and current status (https://www.smartretry.com/docs/api-reference/payments/status).</summary>
public sealed record TransactionDetails
{
    [JsonPropertyName("transaction_id")]
    public string? TransactionId { get; init; }

    [JsonPropertyName("type")]
    public TransactionType Type { get; init; }

    [JsonPropertyName("amount")]
    public decimal? Amount { get; init; }

    [JsonPropertyName("currency")]
    public string? Currency { get; init; }

    [JsonPropertyName("authorization_code")]
    public string? AuthorizationCode { get; init; }

    /// <summary>Acquirer Reference Number.</summary>
    [JsonPropertyName("arn")]
    public string? Arn { get; init; }

    /// <summary>1 for the first attempt; more when SmartRetry has retried on its own.</summary>
    [JsonPropertyName("attempt_number")]
    public int? AttemptNumber { get; init; }

    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; init; }

    [JsonPropertyName("updated_at")]
    public DateTimeOffset? UpdatedAt { get; init; }

    [JsonPropertyName("status")]
    public TransactionStatus? Status { get; init; }

    [JsonPropertyName("order")]
    public TransactionOrder? Order { get; init; }
}
