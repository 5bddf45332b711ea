namespace SmartRetry.Functions.Series.PlatformManaged;

/// <summary>The answer to charging a future transaction now (or cancelling it): SmartRetry's accepted flag and the new transaction.</summary>
public sealed record FutureTransactionResultView(string FutureTransactionId, bool Accepted, string? TransactionId = null);
