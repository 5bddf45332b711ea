using System.Globalization;
using System.Net.Http.Headers;
using RestSharp;

namespace SmartRetry.Client.Http;

/// <summary>Reads SmartRetry's response headers tolerantly: a malformed value reads as absent, never as an error.</summary>
internal static class ResponseHeaders
{
    // A wait longer than a day is a server error, not advice; reading it as a day keeps the arithmetic safe and the
    // value still far above any cap a caller configures, so it is reported rather than waited.
    private static readonly TimeSpan Ceiling = TimeSpan.FromDays(1);

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

    /// <summary>
    /// <c>Retry-After</c> as delta-seconds or as an HTTP-date in any of the three forms RFC 9110 §5.6.7 requires a
    /// recipient to accept (IMF-fixdate, RFC 850, asctime), relative to <paramref name="now"/>; at most a day.
    /// </summary>
    public static TimeSpan? RetryAfter(RestResponse response, DateTimeOffset now)
    {
        string? value = Get(response, HeaderNames.RetryAfter)?.Trim();
        if (value is null)
        {
            return null;
        }

        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long seconds))
        {
            return TimeSpan.FromSeconds(Math.Min(seconds, (long)Ceiling.TotalSeconds));
        }

        // System.Net.Http's header parser reads all three date forms, as HttpClient does for its own headers.
        if (RetryConditionHeaderValue.TryParse(value, out RetryConditionHeaderValue? parsed) && parsed.Date is { } date)
        {
            TimeSpan wait = date > now ? date - now : TimeSpan.Zero;
            return wait < Ceiling ? wait : Ceiling;
        }

        return null;
    }

    private static int? Integer(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int parsed) ? parsed : null;
}
