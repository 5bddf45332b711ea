using System.Globalization;
using Microsoft.Extensions.Options;
using SmartRetry.Simulator.Http;
using SmartRetry.Simulator.Time;

namespace SmartRetry.Simulator.Pipeline;

/// <summary>
/// SmartRetry's per-key limits (§4.4) in one-second windows of real (base) time: the <c>X-RateLimit-*</c> headers on
/// every response, and 429 <c>RATE_LIMIT_EXCEEDED</c> with <c>Retry-After</c> past a bucket's or the total limit.
/// </summary>
internal sealed class RateLimitMiddleware(RequestDelegate next, IOptions<SmartRetrySimulatorOptions> options, SimulatorClock clock)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, int> counts = new(StringComparer.Ordinal);
    private long window = long.MinValue;

    public Task InvokeAsync(HttpContext context)
    {
        SimulatorRateLimits limits = options.Value.RateLimits;
        string route = context.GetEndpoint() is RouteEndpoint endpoint ? endpoint.RoutePattern.RawText ?? string.Empty : string.Empty;
        (string bucket, int limit) = route.Contains("/status/", StringComparison.Ordinal) ? ("status", limits.Status)
            : route.StartsWith("/v1/payments/recurring", StringComparison.Ordinal) ? ("recurring", limits.Recurring)
            : ("payments", limits.Payments);

        DateTimeOffset now = clock.BaseTime.GetUtcNow();
        long second = now.ToUnixTimeSeconds();
        int used;
        int total;
        lock (gate)
        {
            if (second != window)
            {
                window = second;
                counts.Clear();
            }

            used = counts[bucket] = counts.GetValueOrDefault(bucket) + 1;
            total = counts["total"] = counts.GetValueOrDefault("total") + 1;
        }

        IHeaderDictionary headers = context.Response.Headers;
        headers["X-RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = Math.Max(0, limit - used).ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset"] = (second + 1).ToString(CultureInfo.InvariantCulture);
        if (used <= limit && total <= limits.Total)
        {
            return next(context);
        }

        headers.RetryAfter = "1";
        return ApiProblem.WriteAsync(context, StatusCodes.Status429TooManyRequests, "RATE_LIMIT_EXCEEDED", $"More than {limit} {bucket} requests in one second.",
            new Dictionary<string, object?> { ["retry_after_seconds"] = 1 });
    }
}
