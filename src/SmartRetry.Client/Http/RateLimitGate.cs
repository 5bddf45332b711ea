using Microsoft.Extensions.Logging;

namespace SmartRetry.Client.Http;

/// <summary>
/// Holds calls while SmartRetry's rate-limit window is exhausted (<c>X-RateLimit-Remaining: 0</c>) until
/// <c>X-RateLimit-Reset</c>, so a burst waits instead of collecting 429s. Shared by every call of one client.
/// </summary>
internal sealed class RateLimitGate(TimeProvider timeProvider, TimeSpan maxWait, ILogger logger)
{
    private long closedUntilUnixSeconds;

    public void Observe(RateLimitInfo? rateLimit)
    {
        if (rateLimit is { Remaining: 0, Reset: { } reset })
        {
            Interlocked.Exchange(ref closedUntilUnixSeconds, reset.ToUnixTimeSeconds());
        }
    }

    public Task WaitAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset reopens = DateTimeOffset.FromUnixTimeSeconds(Interlocked.Read(ref closedUntilUnixSeconds));
        TimeSpan wait = reopens - timeProvider.GetUtcNow();
        if (wait <= TimeSpan.Zero)
        {
            return Task.CompletedTask;
        }

        wait = wait < maxWait ? wait : maxWait;
        ClientLog.WaitingForRateLimitReset(logger, wait.TotalMilliseconds);
        return Task.Delay(wait, timeProvider, cancellationToken);
    }
}
