namespace SmartRetry.Functions.Shared.Correlation;

/// <summary>Maps SmartRetry ids (transaction_id, recurring_id, future_transaction_id) to the orchestration instance waiting on them.</summary>
public interface ICorrelationStore
{
    /// <summary>Insert-if-absent; recording the same mapping twice is not an error. Returns the instance id now on record.</summary>
    Task<string> AddAsync(CorrelationKind kind, string smartRetryId, string instanceId, CancellationToken cancellationToken);

    /// <summary>The instance and the trace it was in when the correlation was recorded, so a webhook can continue that trace.</summary>
    Task<CorrelationTarget?> FindAsync(CorrelationKind kind, string smartRetryId, CancellationToken cancellationToken);

    /// <summary>
    /// Remembers, in this process, that the instance a correlation names has finished and never runs again, so a later
    /// find says so (<see cref="CorrelationTarget.InstanceFinished"/>) and no one needs to ask the host again.
    /// </summary>
    void RememberFinished(CorrelationKind kind, string smartRetryId);
}

/// <param name="TraceParent">The W3C traceparent of the span that recorded the correlation; null when none was active.</param>
public sealed record CorrelationTarget(string InstanceId, string? TraceParent)
{
    /// <summary>The host has said this instance finished (<see cref="ICorrelationStore.RememberFinished"/>).</summary>
    public bool InstanceFinished { get; init; }
}

/// <summary>Which SmartRetry id a correlation maps to an orchestration instance.</summary>
public enum CorrelationKind
{
    Transaction,
    Recurring,
    FutureTransaction,
}
