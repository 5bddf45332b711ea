namespace SmartRetry.Functions.Series.MerchantManaged;

/// <summary>A request for a slot in the card's shared 30-day attempt window, made before the attempt is sent.</summary>
/// <param name="CardFingerprint">The card's keyed fingerprint (never card data).</param>
/// <param name="AttemptId">The attempt's ledger payment id: the same on every retry and replay, so a reservation never counts twice.</param>
/// <param name="AtUtc">The orchestration's current time, so a replay decides on the same instant.</param>
/// <param name="MaxAttempts">The series' limit of counted attempts in any 30 days.</param>
public sealed record CardAttemptReservation(string CardFingerprint, string AttemptId, DateTime AtUtc, int MaxAttempts);
