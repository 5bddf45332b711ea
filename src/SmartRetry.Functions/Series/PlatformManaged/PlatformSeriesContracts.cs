using System.Text.Json.Serialization;
using SmartRetry.Functions.Shared.Events;
using SmartRetry.Functions.Shared.Series;

namespace SmartRetry.Functions.Series.PlatformManaged;

/// <summary>The compact state of a followed series (<c>our_platform</c> or <c>payment_provider</c>), carried across generations.</summary>
/// <param name="RecurringId">SmartRetry's series id; null until <see cref="Setup"/> has run.</param>
/// <param name="Setup">Present only in the first generation: create the series at SmartRetry first.</param>
/// <param name="SyncInterval">How often SmartRetry's status is read when no webhook arrives.</param>
/// <param name="MissedChargeGrace">How long after its scheduled day a future transaction may still run before it is flagged as missed.</param>
public sealed record PlatformSeriesState(
    string SeriesId,
    string? RecurringId,
    SeriesManagement ManagedBy,
    TimeSpan SyncInterval,
    TimeSpan MissedChargeGrace,
    decimal Amount,
    string Currency,
    SeriesSchedule? Schedule,
    int Generation = 0,
    SeriesSetup? Setup = null,
    RecurringEvent? CarriedEvent = null);

/// <summary>How a generation of the follower ended; active means it continued as new.</summary>
public sealed record PlatformSeriesResult(string SeriesId, RecurringSeriesStatus Status);

/// <summary>One upcoming charge of a platform-managed series to check on.</summary>
/// <param name="ScheduledDate">SmartRetry's scheduled date; its time zone and time of day are unspecified, so the check waits for the whole day to pass everywhere (UTC end of day plus <paramref name="Grace"/>).</param>
public sealed record FutureTransactionWatchInput(
    string SeriesId,
    string RecurringId,
    string FutureTransactionId,
    DateOnly ScheduledDate,
    TimeSpan Grace);

/// <summary>What the check after a future transaction's date found.</summary>
public enum FutureTransactionCheck
{
    /// <summary>It ran (SmartRetry: completed); the executed transaction is recorded.</summary>
    Ran,

    /// <summary>It ran and failed even after SmartRetry's retries.</summary>
    Failed,

    /// <summary>It was skipped (cancelled) before running.</summary>
    Cancelled,

    /// <summary>It should have run by now and did not: flagged for a person.</summary>
    Missed,
}

/// <summary>The result of checking one future transaction, for the ledger.</summary>
public sealed record FutureTransactionRecord(
    string SeriesId,
    string FutureTransactionId,
    DateOnly ScheduledDate,
    FutureTransactionCheck Check,
    decimal Amount,
    string Currency,
    DateTime CheckedAtUtc,
    string? ExecutedTransactionId = null);

/// <summary>Read SmartRetry's view of a followed series and bring ours up to date.</summary>
public sealed record SyncRequest(string SeriesId, string RecurringId, TimeSpan MissedChargeGrace);

/// <summary>What a sync found.</summary>
/// <param name="ChargesRecorded">Completed charges written to the ledger by this sync (repeats not counted).</param>
/// <param name="WatchesStarted">Future transactions that got a watch by this sync.</param>
public sealed record SyncResult(RecurringSeriesStatus Status, int ChargesRecorded, int WatchesStarted);

/// <summary>The body of <c>PUT .../future-transactions/{id}</c>: a new amount and/or date for that one charge.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record FutureTransactionChangeRequest
{
    public decimal? Amount { get; init; }

    public DateOnly? ScheduledDate { get; init; }
}

/// <summary>A platform-managed series' upcoming charges, read from SmartRetry's recurring status (the only documented list).</summary>
public sealed record FutureTransactionListView(string SeriesId, string RecurringId, IReadOnlyList<FutureTransactionSnapshot> FutureTransactions);

/// <summary>The answer to charging a future transaction now (or cancelling it): SmartRetry's accepted flag and the new transaction.</summary>
public sealed record FutureTransactionResultView(string FutureTransactionId, bool Accepted, string? TransactionId = null);
