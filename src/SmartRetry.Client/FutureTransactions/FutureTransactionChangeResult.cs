using System.Text.Json.Serialization;

namespace SmartRetry.Client.FutureTransactions;

/// <summary>
/// The answer to an update or a cancel of a scheduled charge; <c>accepted</c>, <c>updated</c> or <c>cancelled</c>
/// (pages vs OpenAPI) all read into <see cref="Accepted"/>.
/// </summary>
public sealed record FutureTransactionChangeResult
{
    [JsonPropertyName("future_transaction_id")]
    public string? FutureTransactionId { get; init; }

    [JsonPropertyName("recurring_id")]
    public string? RecurringId { get; init; }

    [JsonPropertyName("accepted")]
    public bool Accepted { get; init; }

    [JsonInclude]
    [JsonPropertyName("updated")]
    private bool? Updated { get => null; init => Accepted |= value == true; }

    [JsonInclude]
    [JsonPropertyName("cancelled")]
    private bool? Cancelled { get => null; init => Accepted |= value == true; }
}
