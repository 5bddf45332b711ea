namespace SmartRetry.Payments.Correlation;

/// <summary>Maps SmartRetry ids (transaction_id, recurring_id, future_transaction_id) to the workflow instance waiting on them.</summary>
public interface ICorrelationStore
{
    /// <summary>Insert-if-absent; recording the same mapping twice is not an error. Returns the instance id now on record.</summary>
    Task<string> AddAsync(CorrelationKind kind, string smartRetryId, string instanceId, CancellationToken cancellationToken);

    Task<string?> FindInstanceAsync(CorrelationKind kind, string smartRetryId, CancellationToken cancellationToken);
}
