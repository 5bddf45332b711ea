using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SmartRetry.Simulator.Webhooks;

namespace SmartRetry.LoadDriver;

/// <summary>M webhook deliveries, C at a time, each signed as SmartRetry signs it (a fresh <c>t</c> per delivery).</summary>
public static class WebhookLoad
{
    public static async Task<(double PerSecond, TimeSpan HostCpu)> RunAsync(
        HttpClient http, string path, IReadOnlyList<string> bodies, string secret, int concurrency, TimeSpan timeout, Func<TimeSpan> hostCpu)
    {
        using var deadline = new CancellationTokenSource(timeout);
        int next = -1;
        TimeSpan cpuBefore = hostCpu();
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            for (int i = Interlocked.Increment(ref next); i < bodies.Count; i = Interlocked.Increment(ref next))
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(bodies[i], Encoding.UTF8, "application/json") };
                request.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.CreateHeader(secret, DateTimeOffset.UtcNow, Encoding.UTF8.GetBytes(bodies[i])));
                using HttpResponseMessage response = await http.SendAsync(request, deadline.Token);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(deadline.Token)}");
                }
            }
        }));
        wall.Stop();
        return (bodies.Count / wall.Elapsed.TotalSeconds, hostCpu() - cpuBefore);
    }

    /// <summary>A <c>transaction.retry_attempted</c> event for a transaction the app knows (verify, dedupe, store, correlate, raise).</summary>
    public static string Event(string eventId, string transactionId) =>
        new JsonObject
        {
            ["id"] = eventId,
            ["type"] = "transaction.retry_attempted",
            ["created_at"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["data"] = new JsonObject
            {
                ["transaction_id"] = transactionId,
                ["attempt_number"] = 2,
                ["status"] = new JsonObject { ["status"] = "PROCESSING" },
            },
        }.ToJsonString();
}
