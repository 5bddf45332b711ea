using SmartRetry.Functions.Shared.Gateway;

namespace SmartRetry.Functions.Shared.Series;

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
