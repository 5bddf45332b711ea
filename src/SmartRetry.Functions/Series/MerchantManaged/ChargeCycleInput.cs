using SmartRetry.Functions.Shared.Series;
using SmartRetry.Functions.Shared.Tracking;

namespace SmartRetry.Functions.Series.MerchantManaged;

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
