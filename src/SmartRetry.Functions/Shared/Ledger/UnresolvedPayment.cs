namespace SmartRetry.Functions.Shared.Ledger;

/// <summary>
/// A payment the ledger holds as not final, as the index of unresolved payments keeps it for the reconciler: when to
/// look at it next and what the reconciler did so far. No card or payer data.
/// </summary>
/// <param name="Since">When the payment was first watched (scheduled, or first recorded unresolved).</param>
/// <param name="Attempts">The reconciler's attempts to settle it so far (looking at a payment whose orchestration is still running is none).</param>
/// <param name="LastOutcome">What the last look found or did, in words an operator reads.</param>
/// <param name="Exhausted">The reconciler gave up after its last attempt: a person settles the payment.</param>
public sealed record UnresolvedPayment(
    string PaymentId,
    PaymentKind Kind,
    DateTimeOffset Since,
    DateTimeOffset NextCheckAt,
    int Attempts = 0,
    DateTimeOffset? LastCheckedAt = null,
    string? LastOutcome = null,
    bool Exhausted = false)
{
    /// <summary>The store's concurrency token (ETag) of the version read; null for an entry not read from the store.</summary>
    public string? Version { get; init; }
}
