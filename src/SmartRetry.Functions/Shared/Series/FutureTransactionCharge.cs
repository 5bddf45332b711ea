namespace SmartRetry.Functions.Shared.Series;

/// <summary>Runs one occurrence now, optionally with another amount.</summary>
public sealed record FutureTransactionCharge(string IdempotencyKey, string FutureTransactionId, string RecurringId, decimal? Amount = null);
