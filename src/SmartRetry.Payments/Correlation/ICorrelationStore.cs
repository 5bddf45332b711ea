namespace SmartRetry.Payments.Correlation;

/// <summary>Maps SmartRetry ids (transaction_id, recurring_id, future_transaction_id) to the workflow instance waiting on them.</summary>
public interface ICorrelationStore
{
    /// <summary>Insert-if-absent; recording the same mapping twice is not an error. Returns the instance id now on record.</summary>
    Task<string> AddAsync(CorrelationKind kind, string smartRetryId, string instanceId, CancellationToken cancellationToken);

    Task<string?> FindInstanceAsync(CorrelationKind kind, string smartRetryId, CancellationToken cancellationToken);

    /// <summary>The instance and the trace it was in when the correlation was recorded, so a webhook can continue that trace.</summary>
    async Task<CorrelationTarget?> FindAsync(CorrelationKind kind, string smartRetryId, CancellationToken cancellationToken) =>
        await FindInstanceAsync(kind, smartRetryId, cancellationToken) is { } instanceId ? new CorrelationTarget(instanceId, null) : null;
}

/// <param name="TraceParent">The W3C traceparent of the span that recorded the correlation; null when none was active.</param>
public sealed record CorrelationTarget(string InstanceId, string? TraceParent);
