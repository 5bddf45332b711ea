using SmartRetry.Functions.Shared.Ledger;

namespace SmartRetry.Functions.Sales;

/// <summary>
/// The sale workflow's custom status, for operators and the status API. It shows SmartRetry's own retries as they
/// happen (from <c>transaction.retry_scheduled</c> / <c>transaction.retry_attempted</c> webhooks and status polls).
/// </summary>
/// <param name="AttemptNumber">SmartRetry's latest attempt number; above 1 means SmartRetry has retried.</param>
public sealed record SaleProgress(
    PaymentStatus Status,
    string? TransactionId = null,
    DateTimeOffset? ScheduledAt = null,
    DateTimeOffset? Deadline = null,
    int RetriesScheduled = 0,
    int RetriesAttempted = 0,
    int? AttemptNumber = null);
