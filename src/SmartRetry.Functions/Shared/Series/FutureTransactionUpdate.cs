namespace SmartRetry.Functions.Shared.Series;

/// <summary>Changes one occurrence only; null fields stay unchanged.</summary>
public sealed record FutureTransactionUpdate(string FutureTransactionId, string RecurringId, decimal? Amount = null, DateOnly? ScheduledDate = null);
