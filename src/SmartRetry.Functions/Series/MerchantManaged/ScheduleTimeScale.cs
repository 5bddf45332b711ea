using Microsoft.DurableTask;
using SmartRetry.Functions.Shared.Tracking;

namespace SmartRetry.Functions.Series.MerchantManaged;

/// <summary>
/// Maps a series' schedule time to the host's clock for accelerated local demos: from <paramref name="AnchorUtc"/> on,
/// <paramref name="Factor"/> units of schedule time pass per unit of host time
/// (host = anchor + (schedule − anchor) / factor). The schedule itself (due dates, dunning times, the card's attempt
/// window, what the ledger and the API show) stays in calendar terms; only the durable timers that wait on it are
/// compressed. Carried in the series' orchestration state, so a replay maps exactly as the original run did.
/// </summary>
/// <param name="AnchorUtc">Where both clocks agree: when the series was created.</param>
/// <param name="Factor">Schedule time per host time; 1 is real time (the <c>Recurring:TimeScale</c> setting).</param>
public sealed record ScheduleTimeScale(DateTime AnchorUtc, int Factor)
{
    /// <summary>The instant of the host clock at which <paramref name="scheduleUtc"/> is reached; never before it, so nothing fires early.</summary>
    public DateTime ToHostTime(DateTime scheduleUtc)
    {
        long offset = (scheduleUtc - AnchorUtc).Ticks;
        long hostOffset = Math.DivRem(offset, Factor, out long remainder) + (remainder > 0 ? 1 : 0);
        return DateTime.SpecifyKind(AnchorUtc.AddTicks(hostOffset), DateTimeKind.Utc);
    }

    /// <summary>How long <paramref name="scheduleDuration"/> lasts on the host clock (never zero for a positive duration).</summary>
    public TimeSpan ToHostDuration(TimeSpan scheduleDuration) => ToHostTime(AnchorUtc + scheduleDuration) - AnchorUtc;

    /// <summary>
    /// How a cycle awaits SmartRetry's outcome under this scale. SmartRetry runs accelerated alike (the simulator's time
    /// factor), so its processing and retry delays, and with them our polls and deadline, are compressed too.
    /// </summary>
    public TrackingPolicy Compress(TrackingPolicy tracking)
    {
        ArgumentNullException.ThrowIfNull(tracking);
        return tracking with
        {
            FirstPollDelay = ToHostDuration(tracking.FirstPollDelay),
            MaxPollInterval = ToHostDuration(tracking.MaxPollInterval),
            Deadline = ToHostDuration(tracking.Deadline),
        };
    }

    /// <summary>The schedule time the host clock's <paramref name="hostUtc"/> stands for, clamped to the representable range.</summary>
    public DateTime ToScheduleTime(DateTime hostUtc)
    {
        Int128 ticks = AnchorUtc.Ticks + ((Int128)(hostUtc - AnchorUtc).Ticks * Factor);
        return new DateTime((long)Int128.Clamp(ticks, DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks), DateTimeKind.Utc);
    }
}

/// <summary>
/// Schedule time inside an orchestration: decisions about due dates read <see cref="ScheduleNow"/>, and waits for a due date
/// use <see cref="CreateScheduleTimer"/>. Without a time scale both are the context's own clock and timer, unchanged.
/// </summary>
public static class ScheduleTimeOrchestrationExtensions
{
    /// <summary>The series' current schedule time: the replay-safe host time, accelerated by <paramref name="scale"/> when there is one.</summary>
    public static DateTime ScheduleNow(this TaskOrchestrationContext context, ScheduleTimeScale? scale)
    {
        ArgumentNullException.ThrowIfNull(context);
        return scale?.ToScheduleTime(context.CurrentUtcDateTime) ?? context.CurrentUtcDateTime;
    }

    /// <summary>A durable timer that fires when the series' schedule time reaches <paramref name="fireAtScheduleUtc"/>.</summary>
    public static Task CreateScheduleTimer(this TaskOrchestrationContext context, ScheduleTimeScale? scale, DateTime fireAtScheduleUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.CreateTimer(scale?.ToHostTime(fireAtScheduleUtc) ?? fireAtScheduleUtc, cancellationToken);
    }
}
