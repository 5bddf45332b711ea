using System.Globalization;
using RestSharp;

namespace SmartRetry.Client.Http;

/// <summary>Reads SmartRetry's response headers tolerantly: a malformed value reads as absent, never as an error.</summary>
internal static class ResponseHeaders
{
    public static string? Get(RestResponse response, string name)
    {
        if (response.Headers is null)
        {
            return null;
        }

        foreach (HeaderParameter header in response.Headers)
        {
            if (string.Equals(header.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return header.Value;
            }
        }

        return null;
    }

    public static bool IdempotencyReplayed(RestResponse response) =>
        bool.TryParse(Get(response, HeaderNames.IdempotencyReplayed) ?? Get(response, HeaderNames.LegacyIdempotencyReplayed), out bool replayed)
        && replayed;

    public static DateTimeOffset? IdempotencyExpires(RestResponse response) =>
        DateTimeOffset.TryParse(Get(response, HeaderNames.IdempotencyExpires), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset expires)
            ? expires
            : null;

    public static RateLimitInfo? RateLimit(RestResponse response)
    {
        int? limit = Integer(Get(response, HeaderNames.RateLimitLimit));
        int? remaining = Integer(Get(response, HeaderNames.RateLimitRemaining));
        DateTimeOffset? reset = long.TryParse(Get(response, HeaderNames.RateLimitReset), NumberStyles.None, CultureInfo.InvariantCulture, out long seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
        return limit is null && remaining is null && reset is null ? null : new RateLimitInfo(limit, remaining, reset);
    }

    /// <summary><c>Retry-After</c> as delta-seconds or as an HTTP-date (relative to <paramref name="now"/>).</summary>
    public static TimeSpan? RetryAfter(RestResponse response, DateTimeOffset now)
    {
        string? value = Get(response, HeaderNames.RetryAfter)?.Trim();
        if (value is null)
        {
            return null;
        }

        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long seconds))
        {
            return TimeSpan.FromSeconds(Math.Min(seconds, (long)TimeSpan.FromDays(1).TotalSeconds));
        }

        return DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset date)
            ? (date > now ? date - now : TimeSpan.Zero)
            : null;
    }

    private static int? Integer(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int parsed) ? parsed : null;
}
