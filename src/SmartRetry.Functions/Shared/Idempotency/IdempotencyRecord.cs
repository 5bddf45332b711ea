namespace SmartRetry.Functions.Shared.Idempotency;

/// <summary>
/// One idempotent request: the keyed hash of its normalised body and the orchestration instance it started. A record is
/// <see cref="IdempotencyState.Claimed"/> while its request is being carried out, and <see cref="IdempotencyState.Completed"/>
/// once the instance is scheduled. Holds no request data beyond the hash.
/// </summary>
/// <param name="Key">The idempotency key; for sales, the instance id derived from the merchant transaction id.</param>
/// <param name="RequestHash">Keyed hash (HMAC) of the normalised request; never reversible to card data.</param>
/// <param name="HashKeyId">The sealing key whose derived sub-key made <paramref name="RequestHash"/>, so hashes survive key rotation.</param>
/// <param name="ClaimedAt">When the current holder claimed the request; a stale claim may be taken over.</param>
public sealed record IdempotencyRecord(
    string Key,
    string RequestHash,
    string HashKeyId,
    string InstanceId,
    IdempotencyState State,
    DateTimeOffset ClaimedAt)
{
    /// <summary>The store's concurrency token (ETag) of the version read; null for a record not yet stored.</summary>
    public string? Version { get; init; }
}

public enum IdempotencyState
{
    Claimed,
    Completed,
}
