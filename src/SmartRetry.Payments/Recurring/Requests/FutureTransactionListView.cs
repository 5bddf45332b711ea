using SmartRetry.Payments.Recurring.Gateway;

namespace SmartRetry.Payments.Recurring.Requests;

/// <summary>A platform-managed series' upcoming charges, read from SmartRetry's recurring status (the only documented list).</summary>
public sealed record FutureTransactionListView(string SeriesId, string RecurringId, IReadOnlyList<FutureTransactionSnapshot> FutureTransactions);
