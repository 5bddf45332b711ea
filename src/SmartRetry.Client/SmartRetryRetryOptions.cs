namespace SmartRetry.Client;

/// <summary>
/// Retries of 429, 500, 502, 503, 504, timeouts and connection failures; never of any other 4xx. Defaults follow
/// SmartRetry's guidance: 1 s doubling to a 60 s cap with up to +10 % jitter, at most 5 attempts.
/// </summary>
public sealed class SmartRetryRetryOptions
{
    /// <summary>Attempts in total, the first included; 1 disables retries.</summary>
    public int MaxAttempts { get; set; } = 5;

    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Adds up to +10 % random jitter to each backoff delay (not to a server's <c>Retry-After</c>).</summary>
    public bool UseJitter { get; set; } = true;

    /// <summary>
    /// The longest <c>Retry-After</c> the client waits out itself; a longer one surfaces at once as
    /// <see cref="Errors.SmartRetryRateLimitException"/> so the caller can schedule the retry (e.g. on a durable timer).
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);
}
