using System.Text.Json;
using SmartRetry.Functions.Shared.Serialization;

namespace SmartRetry.Functions.Shared.Correlation;

/// <summary>
/// Events waiting for their orchestration instance. The activity that records a transaction's correlation reads them right
/// after (<see cref="EarlyTransactionEvents"/>) and hands them to its orchestration; rows stay until retention deletes them.
/// Events can be both pending and raised (a webhook racing the correlation write); orchestrations ignore repeats by event id
/// and status progression.
/// </summary>
public interface IPendingEventStore
{
    /// <summary>Insert-if-absent on (kind, SmartRetry id, event id).</summary>
    Task AddAsync(PendingEvent pendingEvent, CancellationToken cancellationToken);

    /// <summary>The events pending for one SmartRetry id, oldest first.</summary>
    Task<IReadOnlyList<PendingEvent>> GetAsync(CorrelationKind kind, string smartRetryId, CancellationToken cancellationToken);

    Task RemoveAsync(PendingEvent pendingEvent, CancellationToken cancellationToken);

    /// <summary>Deletes events created before <paramref name="before"/> whose instance never took them; returns how many.</summary>
    Task<int> PurgeCreatedBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken);
}

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
