namespace SmartRetry.Functions.Shared.Tracking;

/// <summary>What tracking has learnt of SmartRetry's own retries of a transaction, for the orchestration's custom status.</summary>
/// <param name="AttemptNumber">SmartRetry's latest attempt number; above 1 means SmartRetry has retried.</param>
public sealed record TransactionProgress(int RetriesScheduled = 0, int RetriesAttempted = 0, int? AttemptNumber = null);
