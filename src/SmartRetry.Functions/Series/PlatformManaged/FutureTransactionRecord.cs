namespace SmartRetry.Functions.Series.PlatformManaged;

/// <summary>The result of checking one future transaction, for the ledger.</summary>
public sealed record FutureTransactionRecord(
    string SeriesId,
    string FutureTransactionId,
    DateOnly ScheduledDate,
    FutureTransactionCheck Check,
    decimal Amount,
    string Currency,
    DateTime CheckedAtUtc,
    string? ExecutedTransactionId = null);
