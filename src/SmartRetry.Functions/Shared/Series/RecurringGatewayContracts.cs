using SmartRetry.Functions.Shared.Cards;
using SmartRetry.Functions.Shared.Gateway;

namespace SmartRetry.Functions.Shared.Series;

/// <summary>
/// <c>recurring_init</c> as the init activity hands it to SmartRetry. Holds the unsealed card, so it lives only inside
/// that activity and is never serialized. For a merchant-managed series the schedule is ours and is not sent; a provider-managed one may have none.
/// </summary>
public sealed record RecurringInitSubmission(
    string IdempotencyKey,
    decimal Amount,
    string Currency,
    SeriesManagement ManagedBy,
    SeriesSchedule? Schedule,
    CardDetails Card,
    PayerDetails Payer);

/// <summary>SmartRetry's answer to <c>recurring_init</c>: <paramref name="Accepted"/> false means the first payment was declined and no series exists.</summary>
public sealed record RecurringInitReply(bool Accepted, string? TransactionId, string? OrderId, string? RecurringId);

/// <summary>One merchant-triggered charge; the amount and currency are sent explicitly so an amount update never races a charge.</summary>
public sealed record RecurringChargeSubmission(string IdempotencyKey, string RecurringId, decimal Amount, string Currency);

/// <summary>SmartRetry's answer to a recurring or future-transaction charge. <paramref name="Accepted"/> false is a decline, not an error.</summary>
/// <param name="Replayed">SmartRetry replayed a stored answer for this idempotency key (no second operation).</param>
public sealed record SubmissionResult(bool Accepted, string? TransactionId, string? OrderId, bool Replayed = false);

/// <summary>A series as SmartRetry's recurring status endpoint reports it (§2.8); the only way to list its future transactions.</summary>
public sealed record RecurringSnapshot(
    string RecurringId,
    RecurringSeriesStatus Status,
    SeriesManagement ManagedBy,
    int CompletedPayments,
    int? RemainingPayments,
    IReadOnlyList<FutureTransactionSnapshot> FutureTransactions,
    IReadOnlyList<RecurringChargeRecord> CompletedTransactions);

/// <summary>One processed charge of a series.</summary>
public sealed record RecurringChargeRecord(string TransactionId, string? OrderId, decimal Amount, string Currency, bool Accepted);

/// <summary>A partial series update; null fields stay unchanged.</summary>
public sealed record RecurringUpdate(string RecurringId, decimal? Amount = null, int? NumberOfPayments = null);

/// <summary>One scheduled charge of a platform-managed series (§2.12).</summary>
public sealed record FutureTransactionSnapshot(
    string FutureTransactionId,
    string RecurringId,
    DateOnly ScheduledDate,
    int? SequenceNumber,
    decimal Amount,
    string Currency,
    FutureTransactionStatus Status,
    string? ExecutedTransactionId = null,
    DateTimeOffset? ExecutedAt = null);

/// <summary>SmartRetry's future-transaction statuses (§3.2). Unrecognised values read as <see cref="Unknown"/>.</summary>
public enum FutureTransactionStatus
{
    Pending,
    Processing,
    Completed,
    Failed,
    Cancelled,
    Unknown,
}

/// <summary>Changes one occurrence only; null fields stay unchanged.</summary>
public sealed record FutureTransactionUpdate(string FutureTransactionId, string RecurringId, decimal? Amount = null, DateOnly? ScheduledDate = null);

/// <summary>Runs one occurrence now, optionally with another amount.</summary>
public sealed record FutureTransactionCharge(string IdempotencyKey, string FutureTransactionId, string RecurringId, decimal? Amount = null);
