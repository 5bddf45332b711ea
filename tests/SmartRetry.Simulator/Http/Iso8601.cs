using System.Globalization;

namespace SmartRetry.Simulator.Http;

/// <summary>Timestamps and dates the way SmartRetry writes them (<c>2026-04-01T14:22:13Z</c>, <c>2026-04-01</c>).</summary>
internal static class Iso8601
{
    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
