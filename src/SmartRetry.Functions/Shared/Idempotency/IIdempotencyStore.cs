namespace SmartRetry.Functions.Shared.Idempotency;

/// <summary>Idempotency records (request hash → instance id). Insert-if-absent decides which of concurrent identical requests acts.</summary>
public interface IIdempotencyStore
{
    /// <summary>Inserts <paramref name="candidate"/> unless a record with its key exists; says which record is on file.</summary>
    Task<IdempotencyClaim> ClaimAsync(IdempotencyRecord candidate, CancellationToken cancellationToken);

    /// <summary>
    /// Re-claims a record whose holder seems to have died (its claim is stale): succeeds for exactly one caller, under
    /// optimistic concurrency on the version read. Returns the re-claimed record, or null when somebody else changed it first.
    /// </summary>
    Task<IdempotencyRecord?> TryTakeOverAsync(IdempotencyRecord stale, DateTimeOffset claimedAt, CancellationToken cancellationToken);

    /// <summary>Marks the request carried out; false when the record changed since <paramref name="claimed"/> was read.</summary>
    Task<bool> CompleteAsync(IdempotencyRecord claimed, CancellationToken cancellationToken);

    /// <summary>Gives up a claim after a failure, so that a retry of the request carries it out at once.</summary>
    Task ReleaseAsync(IdempotencyRecord claimed, CancellationToken cancellationToken);

    /// <summary>
    /// Removes a claim whose request was refused before it changed anything, so the key is free again for any request;
    /// false when the record changed since <paramref name="claimed"/> was read (it is then left alone).
    /// </summary>
    Task<bool> ForgetAsync(IdempotencyRecord claimed, CancellationToken cancellationToken);

    Task<IdempotencyRecord?> GetAsync(string key, CancellationToken cancellationToken);
}
