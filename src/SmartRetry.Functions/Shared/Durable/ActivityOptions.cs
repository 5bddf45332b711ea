using Microsoft.DurableTask;

namespace SmartRetry.Functions.Shared.Durable;

/// <summary>
/// How an orchestration has Durable retry a failed activity (Durable's <see cref="RetryPolicy"/>, run on the
/// orchestrator side with a durable timer between attempts). Used for outages longer than the SmartRetry client's own
/// retries; the activity's input carries its idempotency key, so a retry never charges twice.
/// </summary>
public static class ActivityOptions
{
    /// <summary>Rides out a SmartRetry or network outage of about half an hour: 15 s, doubling, at most 10 min apart, 8 attempts.</summary>
    public static TaskOptions SmartRetryOutage { get; } = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 8, firstRetryInterval: TimeSpan.FromSeconds(15), backoffCoefficient: 2.0, maxRetryInterval: TimeSpan.FromMinutes(10)));

    /// <summary>Storage writes: a handful of quick attempts (2 s, doubling, at most a minute apart, 5 attempts).</summary>
    public static TaskOptions Storage { get; } = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 5, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 2.0, maxRetryInterval: TimeSpan.FromMinutes(1)));
}
