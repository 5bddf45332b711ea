using WireMock.Logging;

namespace SmartRetry.Client.Tests.Support;

/// <summary>What the loopback server received, with case-insensitive header lookup.</summary>
public static class RecordedRequest
{
    public static string? Header(this ILogEntry entry, string name) =>
        entry.RequestMessage!.Headers?.FirstOrDefault(header => string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    public static string? QueryValue(this ILogEntry entry, string name) =>
        entry.RequestMessage!.Query is { } query && query.TryGetValue(name, out var values) ? values.FirstOrDefault() : null;

    public static byte[] BodyBytes(this ILogEntry entry) => entry.RequestMessage!.BodyData?.BodyAsBytes ?? [];

    public static string BodyText(this ILogEntry entry) => System.Text.Encoding.UTF8.GetString(entry.BodyBytes());

    /// <summary>Asserts a SmartRetry POST: path, authentication, JSON content type, key and exact body bytes.</summary>
    public static void AssertPost(this ILogEntry entry, string path, string goldenRequest, string idempotencyKey)
    {
        AssertJsonBody(entry, "POST", path, goldenRequest);
        Assert.Equal(idempotencyKey, entry.Header("Idempotency-Key"));
    }

    /// <summary>Asserts a SmartRetry PUT: no idempotency key (SmartRetry ignores it on PUTs).</summary>
    public static void AssertPut(this ILogEntry entry, string path, string goldenRequest)
    {
        AssertJsonBody(entry, "PUT", path, goldenRequest);
        Assert.Null(entry.Header("Idempotency-Key"));
    }

    public static void AssertGet(this ILogEntry entry, string path, bool authenticated = true)
    {
        Assert.Equal("GET", entry.RequestMessage!.Method);
        Assert.Equal(path, entry.RequestMessage!.Path);
        Assert.Equal(authenticated ? ClientHarness.ApiKey : null, entry.Header("x-api-key"));
        Assert.Null(entry.Header("Idempotency-Key"));
        Assert.Empty(entry.BodyBytes());
        AssertAcceptsJsonOnly(entry);
    }

    /// <summary>SmartRetry answers JSON and problem details only; RestSharp's default would advertise XML too.</summary>
    public static void AssertAcceptsJsonOnly(this ILogEntry entry) =>
        Assert.Equal(["application/json", "application/problem+json"], entry.Headers("Accept"));

    private static IEnumerable<string> Headers(this ILogEntry entry, string name) =>
        entry.RequestMessage!.Headers!.Single(header => string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase)).Value
            .SelectMany(value => value.Split(',', StringSplitOptions.TrimEntries));

    private static void AssertJsonBody(ILogEntry entry, string method, string path, string goldenRequest)
    {
        Assert.Equal(method, entry.RequestMessage!.Method);
        Assert.Equal(path, entry.RequestMessage!.Path);
        Assert.Equal(ClientHarness.ApiKey, entry.Header("x-api-key"));
        Assert.StartsWith("application/json", entry.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Equal(Golden.Request(goldenRequest), entry.BodyText());
        AssertAcceptsJsonOnly(entry);
    }
}
