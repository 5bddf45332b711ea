using SmartRetry.Functions.Shared.Declines;
using SmartRetry.Functions.Shared.Gateway;

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

public enum ChargeCycleOutcome
{
    Approved,

    /// <summary>Declined, and no further attempt will be made (hard decline, or dunning exhausted).</summary>
    Declined,

    /// <summary>Not attempted: the card already had the maximum attempts in the last 30 days.</summary>
    Skipped,

    /// <summary>The series was paused or cancelled while the cycle waited to re-attempt.</summary>
    Interrupted,

    /// <summary>SmartRetry's outcome could not be learned (UNKNOWN, deadline, outage): a person must look; never retried blindly.</summary>
    Unresolved,
}

/// <summary>One recurring charge attempt for the ledger.</summary>
/// <param name="PaymentId">Unique per attempt: the cycle instance id plus the attempt number, or the SmartRetry transaction id for a followed series.</param>
/// <param name="AtUtc">When the attempt was recorded, on the host's clock.</param>
/// <param name="Note">What happens next (retry time, dunning exhausted and the series' action, hard decline), in words.</param>
/// <param name="DueAtUtc">The occurrence's calendar due date (merchant-managed series), kept as the ledger's scheduled time.</param>
public sealed record ChargeRecord(
    string PaymentId,
    string SeriesId,
    decimal Amount,
    string Currency,
    SmartRetryStatus Status,
    DateTime AtUtc,
    string? TransactionId = null,
    string? ReasonCode = null,
    int? AttemptNumber = null,
    string? Note = null,
    DateTime? DueAtUtc = null);
