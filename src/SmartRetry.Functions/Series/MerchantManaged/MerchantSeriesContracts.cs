using SmartRetry.Functions.Shared.Events;
using SmartRetry.Functions.Shared.Gateway;
using SmartRetry.Functions.Shared.Ledger;
using SmartRetry.Functions.Shared.Series;
using SmartRetry.Functions.Shared.Tracking;

namespace SmartRetry.Functions.Series.MerchantManaged;

/// <summary>
/// The compact state a merchant-managed series carries from one <c>ContinueAsNew</c> generation to the next. Policies
/// travel in it (never read from configuration in the orchestration), so a replay decides exactly as the original run.
/// </summary>
/// <param name="NextSequence">The first occurrence not yet charged or skipped.</param>
/// <param name="CardWindow">Recent attempts on the series' card, for the 20-in-30-days rule; used only when <paramref name="CardFingerprint"/> is null.</param>
/// <param name="RecurringId">SmartRetry's series id; null until <see cref="Setup"/> has run.</param>
/// <param name="Setup">Present only in the first generation: create the series at SmartRetry first.</param>
/// <param name="NeedsPaymentMethod">Paused because the card was declined hard: it is not charged again until the merchant resumes.</param>
/// <param name="Generation">How many generations ran before this one; for operators.</param>
/// <param name="CardFingerprint">The card's keyed fingerprint: its attempts are counted with every other series on the card. Null in series created before fingerprints, which keep their own window.</param>
/// <param name="TimeScale">Accelerated time for local demos (Development only); null is real time.</param>
/// <param name="CarriedControl">A pause, resume, amount change or cancel that arrived as the previous generation ended; applied first.</param>
public sealed record MerchantSeriesState(
    string SeriesId,
    string? RecurringId,
    decimal Amount,
    string Currency,
    SeriesSchedule Schedule,
    DunningPolicy Dunning,
    TrackingPolicy Tracking,
    RecurringSeriesStatus Status,
    int NextSequence,
    CardAttemptWindow CardWindow,
    int Generation = 0,
    SeriesSetup? Setup = null,
    bool NeedsPaymentMethod = false,
    string? CardFingerprint = null,
    ScheduleTimeScale? TimeScale = null,
    SeriesControl? CarriedControl = null);

/// <summary>The series orchestration's custom status: what operators and <c>GET /api/recurring/{id}</c> see. No card data.</summary>
public sealed record MerchantSeriesStatus(
    RecurringSeriesStatus Status,
    decimal Amount,
    string Currency,
    int NextSequence,
    DateTime? NextDueAtUtc,
    string? RunningCycleId,
    int Generation,
    bool NeedsPaymentMethod = false);

/// <summary>How a generation of the series orchestration ended: <see cref="RecurringSeriesStatus.Active"/> or paused means it continued as new.</summary>
public sealed record MerchantSeriesResult(string SeriesId, RecurringSeriesStatus Status, string Detail);

/// <summary>One occurrence to charge, with everything the cycle decides on.</summary>
/// <param name="NextCycleDueAtUtc">Dunning never reaches this instant; null for the last occurrence.</param>
/// <param name="CardWindow">The series' own attempt window, used only without <paramref name="CardFingerprint"/>.</param>
/// <param name="CardFingerprint">When set, each attempt first reserves a slot in the card's window shared by every series.</param>
/// <param name="TimeScale">The series' accelerated time: dunning timers are compressed, the card window counts schedule time; null is real time.</param>
public sealed record ChargeCycleInput(
    string SeriesId,
    string RecurringId,
    int Sequence,
    decimal Amount,
    string Currency,
    DateTime DueAtUtc,
    DateTime? NextCycleDueAtUtc,
    DunningPolicy Dunning,
    TrackingPolicy Tracking,
    CardAttemptWindow CardWindow,
    string? CardFingerprint = null,
    ScheduleTimeScale? TimeScale = null);

/// <summary>What is known about one charge attempt. <see cref="SmartRetryStatus.Processing"/> means the outcome is still to come.</summary>
/// <param name="EarlyEvents">Set only by the charge activity: the transaction's webhooks that arrived before it was mapped to the cycle.</param>
public sealed record ChargeAttemptResult(
    string? TransactionId, SmartRetryStatus Status, string? ReasonCode = null, string? Domain = null, IReadOnlyList<TransactionEvent>? EarlyEvents = null)
{
    public bool IsFinal => Status is SmartRetryStatus.Approved or SmartRetryStatus.Declined or SmartRetryStatus.Error or SmartRetryStatus.Cancelled;
}

/// <summary>One charge attempt of a cycle. <paramref name="CycleInstanceId"/> receives the webhooks of the resulting transaction.</summary>
public sealed record ChargeRecurringRequest(string CycleInstanceId, string IdempotencyKey, string RecurringId, decimal Amount, string Currency);

public sealed record CancelRecurringRequest(string IdempotencyKey, string RecurringId);

/// <summary>Tells a running charge cycle to stop dunning.</summary>
public sealed record CycleInterruption(string CycleInstanceId, SeriesControl Control);

/// <summary>One attempt on a card in the per-card window shared by every series charging it.</summary>
/// <param name="AttemptId">The attempt's ledger payment id (<c>{cycle instance id}-a{n}</c>): unique, and the same on every retry or replay.</param>
/// <param name="AtUtc">The charging orchestration's time when the attempt was reserved.</param>
/// <param name="Approved">Approved attempts do not count; they are kept for <see cref="CardAttemptLog.ApprovedRetention"/> so that a late duplicate reservation cannot count them again.</param>
public sealed record CardAttempt(string AttemptId, DateTime AtUtc, bool Approved = false);

/// <summary>A request for a slot in the card's shared 30-day attempt window, made before the attempt is sent.</summary>
/// <param name="CardFingerprint">The card's keyed fingerprint (never card data).</param>
/// <param name="AttemptId">The attempt's ledger payment id: the same on every retry and replay, so a reservation never counts twice.</param>
/// <param name="AtUtc">The orchestration's current time, so a replay decides on the same instant.</param>
/// <param name="MaxAttempts">The series' limit of counted attempts in any 30 days.</param>
public sealed record CardAttemptReservation(string CardFingerprint, string AttemptId, DateTime AtUtc, int MaxAttempts);

/// <summary>An approved attempt whose reserved slot no longer counts against the card.</summary>
public sealed record CardAttemptRelease(string CardFingerprint, string AttemptId);
