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
