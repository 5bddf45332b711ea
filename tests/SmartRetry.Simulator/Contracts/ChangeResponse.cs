using System.Text.Json.Serialization;

namespace SmartRetry.Simulator.Contracts;

/// <summary>
/// The answer of recurring/future-transaction updates and cancels. Carries both the pages' <c>accepted</c> and the
/// OpenAPI's <c>updated</c>/<c>cancelled</c> flag (§2.10, §2.11), so a client reading either works.
/// </summary>
internal sealed record ChangeResponse([property: JsonPropertyName("accepted")] bool Accepted)
{
    [JsonPropertyName("recurring_id")]
    public string? RecurringId { get; init; }

    [JsonPropertyName("future_transaction_id")]
    public string? FutureTransactionId { get; init; }

    [JsonPropertyName("updated")]
    public bool? Updated { get; init; }

    [JsonPropertyName("cancelled")]
    public bool? Cancelled { get; init; }
}
