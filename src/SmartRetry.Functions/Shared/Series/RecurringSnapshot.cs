namespace SmartRetry.Functions.Shared.Series;

/// <summary>A series as SmartRetry's recurring status endpoint reports it (§2.8); the only way to list its future transactions.</summary>
public sealed record RecurringSnapshot(
    string RecurringId,
    RecurringSeriesStatus Status,
    SeriesManagement ManagedBy,
    int CompletedPayments,
    int? RemainingPayments,
    IReadOnlyList<FutureTransactionSnapshot> FutureTransactions,
    IReadOnlyList<RecurringChargeRecord> CompletedTransactions);

/// <summary>One processed charge of a series.</summary>
public sealed record RecurringChargeRecord(string TransactionId, string? OrderId, decimal Amount, string Currency, bool Accepted);
