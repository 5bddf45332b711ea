using SmartRetry.Functions.Shared.Cards;

namespace SmartRetry.Functions.Shared.Gateway;

/// <summary>A transaction's current state read from SmartRetry's status endpoint.</summary>
public sealed record TransactionSnapshot(
    string TransactionId,
    SmartRetryStatus Status,
    string? ReasonCode,
    string? Domain,
    int? AttemptNumber,
    CardSummary? Card);
