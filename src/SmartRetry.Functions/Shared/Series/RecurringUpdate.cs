namespace SmartRetry.Functions.Shared.Series;

/// <summary>A partial series update; null fields stay unchanged.</summary>
public sealed record RecurringUpdate(string RecurringId, decimal? Amount = null, int? NumberOfPayments = null);
