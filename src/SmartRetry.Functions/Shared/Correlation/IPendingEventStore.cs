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
