using System.Text.Json;
using SmartRetry.Functions.Shared.Serialization;

namespace SmartRetry.Functions.Shared.Correlation;

/// <summary>
/// An orchestration event that arrived before any instance could take it (no correlation yet, or the instance had not
/// started). Kept under the SmartRetry id it concerns until the instance fetches it.
/// </summary>
/// <param name="EventName">The name it would have been raised under (<c>OrchestrationEventNames</c>).</param>
/// <param name="SerializedPayload">The event payload, JSON in <see cref="PaymentsJson.Options"/>.</param>
public sealed record PendingEvent(
    CorrelationKind Kind,
    string SmartRetryId,
    string EventId,
    string EventName,
    DateTimeOffset CreatedAt,
    string SerializedPayload)
{
    public T ReadPayloadAs<T>() =>
        JsonSerializer.Deserialize<T>(SerializedPayload, PaymentsJson.Options)
        ?? throw new JsonException($"Pending event {EventId} has an empty payload.");
}
