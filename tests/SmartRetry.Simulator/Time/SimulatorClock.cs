namespace SmartRetry.Simulator.Time;

/// <summary>
/// The simulator's business clock: base time scaled by the time factor, plus any manual advance. Business dates
/// (created_at, schedules, retries, webhook redelivery) use it; things the caller checks against its own real clock
/// (rate-limit windows, idempotency expiry, webhook signature <c>t</c>) use <see cref="BaseTime"/>.
/// </summary>
public sealed class SimulatorClock
{
    private readonly Lock gate = new();
    private DateTimeOffset baseOrigin;
    private DateTimeOffset simulatedOrigin;
    private TimeSpan advanced;
    private double timeFactor;

    public SimulatorClock(TimeProvider baseTime, double timeFactor, DateTimeOffset? simulatedStart)
    {
        ArgumentNullException.ThrowIfNull(baseTime);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(timeFactor);
        BaseTime = baseTime;
        this.timeFactor = timeFactor;
        baseOrigin = baseTime.GetUtcNow();
        simulatedOrigin = simulatedStart ?? baseOrigin;
    }

    public TimeProvider BaseTime { get; }

    public double TimeFactor
    {
        get
        {
            lock (gate)
            {
                return timeFactor;
            }
        }
    }

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

    /// <summary>
    /// Lets simulated time pass at another speed from now on; simulated time so far is kept, so no date moves back.
    /// A demo or test slows the clock to watch a payment's steps, then speeds it up for a series.
    /// </summary>
    public void SetTimeFactor(double factor)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(factor);
        lock (gate)
        {
            DateTimeOffset now = Now();
            baseOrigin = BaseTime.GetUtcNow();
            simulatedOrigin = now;
            advanced = TimeSpan.Zero;
            timeFactor = factor;
        }
    }

    /// <summary>The real time it takes for <paramref name="simulated"/> to pass.</summary>
    public TimeSpan ToRealTime(TimeSpan simulated) => simulated <= TimeSpan.Zero ? TimeSpan.Zero : simulated / TimeFactor;

    private DateTimeOffset Now()
    {
        TimeSpan elapsed = BaseTime.GetUtcNow() - baseOrigin;
        return simulatedOrigin + (elapsed * timeFactor) + advanced;
    }
}
