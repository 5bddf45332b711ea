namespace SmartRetry.Payments.Workflows;

/// <summary>
/// How the host retries a failed activity (mirrors Durable Task's <c>RetryPolicy</c>). Used for outages longer than
/// the SmartRetry client's own retries; the activity's input carries its idempotency key, so a retry never charges twice.
/// </summary>
/// <param name="MaxNumberOfAttempts">All attempts, the first included.</param>
/// <param name="FirstRetryInterval">Delay before the first retry.</param>
/// <param name="BackoffCoefficient">Multiplier per retry (≥ 1).</param>
/// <param name="MaxRetryInterval">Cap on one delay; null means the host's default.</param>
public sealed record ActivityRetryPolicy(
    int MaxNumberOfAttempts,
    TimeSpan FirstRetryInterval,
    double BackoffCoefficient = 1.0,
    TimeSpan? MaxRetryInterval = null)
{
    /// <summary>Rides out a SmartRetry or network outage of about half an hour.</summary>
    public static ActivityRetryPolicy SmartRetryOutage { get; } =
        new(MaxNumberOfAttempts: 8, FirstRetryInterval: TimeSpan.FromSeconds(15), BackoffCoefficient: 2.0, MaxRetryInterval: TimeSpan.FromMinutes(10));

    /// <summary>Storage writes: a handful of quick attempts.</summary>
    public static ActivityRetryPolicy Storage { get; } =
        new(MaxNumberOfAttempts: 5, FirstRetryInterval: TimeSpan.FromSeconds(2), BackoffCoefficient: 2.0, MaxRetryInterval: TimeSpan.FromMinutes(1));

    /// <summary>The delay before retry number <paramref name="retryIndex"/> (0 = first retry).</summary>
    public TimeSpan DelayBeforeRetry(int retryIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(retryIndex);
        double seconds = FirstRetryInterval.TotalSeconds * Math.Pow(BackoffCoefficient, retryIndex);
        TimeSpan delay = TimeSpan.FromSeconds(Math.Min(seconds, TimeSpan.MaxValue.TotalSeconds / 2));
        return MaxRetryInterval is { } cap && delay > cap ? cap : delay;
    }
}
