namespace SmartRetry.Simulator.Time;

/// <summary>
/// The simulator's business clock: base time scaled by the time factor, plus any manual advance. Business dates
/// (created_at, schedules, retries, webhook redelivery) use it; things the caller checks against its own real clock
/// (rate-limit windows, idempotency expiry, webhook signature <c>t</c>) use <see cref="BaseTime"/>.
/// </summary>
public sealed class SimulatorClock
{
    private readonly Lock gate = new();
    private readonly DateTimeOffset baseOrigin;
    private readonly DateTimeOffset simulatedOrigin;
    private TimeSpan advanced;

    public SimulatorClock(TimeProvider baseTime, double timeFactor, DateTimeOffset? simulatedStart)
    {
        ArgumentNullException.ThrowIfNull(baseTime);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(timeFactor);
        BaseTime = baseTime;
        TimeFactor = timeFactor;
        baseOrigin = baseTime.GetUtcNow();
        simulatedOrigin = simulatedStart ?? baseOrigin;
    }

    public TimeProvider BaseTime { get; }

    public double TimeFactor { get; }

    public DateTimeOffset UtcNow
    {
        get
        {
            lock (gate)
            {
                return Now();
            }
        }
    }

    public DateOnly Today => DateOnly.FromDateTime(UtcNow.UtcDateTime);

    /// <summary>Moves simulated time forward to <paramref name="target"/>; never backwards.</summary>
    public void AdvanceTo(DateTimeOffset target)
    {
        lock (gate)
        {
            DateTimeOffset now = Now();
            if (target > now)
            {
                advanced += target - now;
            }
        }
    }

    /// <summary>The real time it takes for <paramref name="simulated"/> to pass.</summary>
    public TimeSpan ToRealTime(TimeSpan simulated) => simulated <= TimeSpan.Zero ? TimeSpan.Zero : simulated / TimeFactor;

    private DateTimeOffset Now()
    {
        TimeSpan elapsed = BaseTime.GetUtcNow() - baseOrigin;
        return simulatedOrigin + (elapsed * TimeFactor) + advanced;
    }
}
