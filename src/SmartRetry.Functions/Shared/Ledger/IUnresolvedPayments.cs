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
