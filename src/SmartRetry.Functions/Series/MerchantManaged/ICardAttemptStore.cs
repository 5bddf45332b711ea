namespace SmartRetry.Functions.Series.MerchantManaged;

/// <summary>
/// The per-card attempt window shared by every series that charges the same card (keyed by its fingerprint, never by
/// card data), so that together they stay within the card-network limit. See <see cref="CardAttemptLog"/> for the rule.
/// </summary>
public interface ICardAttemptStore
{
    /// <summary>
    /// Reserves a slot for the attempt before it is sent: true when allowed, false when the card already has
    /// <paramref name="maxAttempts"/> counted attempts in the 30 days before <paramref name="atUtc"/>. Idempotent per
    /// attempt id; of concurrent reservations for the last slot exactly one is granted.
    /// </summary>
    Task<bool> TryReserveAsync(string cardFingerprint, string attemptId, DateTime atUtc, int maxAttempts, CancellationToken cancellationToken);

    /// <summary>Marks a reserved attempt approved, so it no longer counts. Idempotent; an unknown attempt changes nothing.</summary>
    Task ReleaseAsync(string cardFingerprint, string attemptId, CancellationToken cancellationToken);
}
