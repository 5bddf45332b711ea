namespace SmartRetry.Functions.Series.MerchantManaged;

/// <summary>One attempt on a card in the per-card window shared by every series charging it.</summary>
/// <param name="AttemptId">The attempt's ledger payment id (<c>{cycle instance id}-a{n}</c>): unique, and the same on every retry or replay.</param>
/// <param name="AtUtc">The charging orchestration's time when the attempt was reserved.</param>
/// <param name="Approved">Approved attempts do not count; they are kept for <see cref="CardAttemptLog.ApprovedRetention"/> so that a late duplicate reservation cannot count them again.</param>
public sealed record CardAttempt(string AttemptId, DateTime AtUtc, bool Approved = false);
