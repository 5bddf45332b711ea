using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace SmartRetry.Client;

/// <summary>
/// What the client reports through <see cref="System.Diagnostics"/>: one span per HTTP attempt, and metrics for calls,
/// retries and <c>Retry-After</c> waits. Listen with OpenTelemetry's <c>AddSource(SourceName)</c> and
/// <c>AddMeter(MeterName)</c>. No span or tag ever carries a body, the API key or card data.
/// </summary>
public static class SmartRetryClientTelemetry
{
    public const string SourceName = "SmartRetry.Client";

    public const string MeterName = "SmartRetry.Client";

    private static readonly string? Version = typeof(SmartRetryClientTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;

    internal static readonly ActivitySource Source = new(SourceName, Version);

    private static readonly Meter Meter = new(MeterName, Version);

    private static readonly Counter<long> Attempts = Meter.CreateCounter<long>(
        "smartretry.client.attempts", "{attempt}", "HTTP attempts to SmartRetry by operation, status code (or error type) and attempt number.");

    private static readonly Histogram<double> AttemptDuration = Meter.CreateHistogram<double>(
        "smartretry.client.attempt.duration", "s", "Duration of one HTTP attempt to SmartRetry, by operation and status code.");

    private static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        "smartretry.client.retries", "{retry}", "Attempts the client repeated, by operation and what it waited on (retry_after or backoff).");

    private static readonly Histogram<double> RetryAfterWaits = Meter.CreateHistogram<double>(
        "smartretry.client.retry_after.wait", "s", "Waits the client took because SmartRetry's Retry-After asked for them, by operation.");

    // Tags box their integer values: with nobody listening (a client used without OpenTelemetry), skip building them.
    internal static void AttemptAnswered(string operation, int attempt, int statusCode, TimeSpan duration)
    {
        if (Attempts.Enabled)
        {
            Attempts.Add(1, new TagList { { "smartretry.operation", operation }, { "http.response.status_code", statusCode }, { "smartretry.attempt", attempt } });
        }

        if (AttemptDuration.Enabled)
        {
            AttemptDuration.Record(duration.TotalSeconds, new TagList { { "smartretry.operation", operation }, { "http.response.status_code", statusCode } });
        }
    }

    internal static void AttemptFailed(string operation, int attempt, string errorType, TimeSpan duration)
    {
        if (Attempts.Enabled)
        {
            Attempts.Add(1, new TagList { { "smartretry.operation", operation }, { "error.type", errorType }, { "smartretry.attempt", attempt } });
        }

        if (AttemptDuration.Enabled)
        {
            AttemptDuration.Record(duration.TotalSeconds, new TagList { { "smartretry.operation", operation }, { "error.type", errorType } });
        }
    }

    internal static void RetryScheduled(string operation, TimeSpan delay, bool fromRetryAfter)
    {
        Retries.Add(1, new TagList { { "smartretry.operation", operation }, { "smartretry.retry.wait", fromRetryAfter ? "retry_after" : "backoff" } });
        if (fromRetryAfter)
        {
            RetryAfterWaits.Record(delay.TotalSeconds, new KeyValuePair<string, object?>("smartretry.operation", operation));
        }
    }
}
