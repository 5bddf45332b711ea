using SmartRetry.Functions.Shared.Declines;

namespace SmartRetry.Functions.Shared.Series;

/// <summary>What a charge cycle did.</summary>
/// <param name="Attempts">Charges submitted to SmartRetry (0 when skipped).</param>
/// <param name="CardWindow">The card's attempt window after this cycle, carried on by the series.</param>
public sealed record ChargeCycleResult(
    int Sequence,
    ChargeCycleOutcome Outcome,
    int Attempts,
    string? TransactionId,
    string? ReasonCode,
    DeclineCategory? DeclineCategory,
    CardAttemptWindow CardWindow);
