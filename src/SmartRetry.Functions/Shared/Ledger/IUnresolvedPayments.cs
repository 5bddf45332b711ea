namespace SmartRetry.Functions.Shared.Ledger;

/// <summary>
/// The index of payments that are not final, so the reconciler finds its work without reading the ledger: a payment
/// enters it before its first non-final row is written (scheduled, or recorded unresolved), and leaves it once its
/// final status is. Every change after the first is conditional on the version read, so several reconcilers (hosts)
/// can share it: only one takes a payment on at a time.
/// </summary>
public interface IUnresolvedPayments
{
    /// <summary>
    /// Watches a payment the ledger is about to record as not final: a new one is first looked at after
    /// <c>FirstCheckAfter</c> past when it is due; one recorded unresolved (needs attention, deadline reached) soon.
    /// </summary>
    Task WatchAsync(PaymentLedgerEntry entry, CancellationToken cancellationToken);

    Task RemoveAsync(string paymentId, CancellationToken cancellationToken);

    Task<UnresolvedPayment?> GetAsync(string paymentId, CancellationToken cancellationToken);

    /// <summary>Asks for a look at the payment now (news about it arrived, e.g. a late webhook); false when it is not watched.</summary>
    Task<bool> CheckSoonAsync(string paymentId, CancellationToken cancellationToken);

    /// <summary>
    /// Watches a payment that is not final and asks for a look now, whether or not it was watched: for news about a
    /// payment recorded before the index existed.
    /// </summary>
    Task WatchNowAsync(PaymentLedgerEntry entry, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="max"/> payments due for a look, earliest first; exhausted ones never are.</summary>
    Task<IReadOnlyList<UnresolvedPayment>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>Records <paramref name="changed"/> over <paramref name="read"/> if nobody changed it since; null when somebody did (or removed it).</summary>
    Task<UnresolvedPayment?> TryUpdateAsync(UnresolvedPayment read, UnresolvedPayment changed, CancellationToken cancellationToken);
}

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
