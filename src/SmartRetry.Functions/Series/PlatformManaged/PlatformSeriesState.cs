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
