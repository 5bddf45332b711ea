using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace SmartRetry.LoadDriver;

/// <summary>A target under load: where a sale starts, where its status reads, and when (by the target's own clock) it finished.</summary>
/// <param name="FinishedAt">From a status body: when the sale reached its final status, or null while it has not.</param>
public sealed record SaleTarget(string Name, string StartPath, Func<int, string> Body, Func<string, string> StatusPath, Func<JsonNode, DateTimeOffset?> FinishedAt);

/// <summary>What one measured run of sales gave.</summary>
public sealed record SaleRunResult(int Sales, TimeSpan Wall, IReadOnlyList<TimeSpan> Latencies, TimeSpan HostCpu, IReadOnlyList<string> PaymentIds)
{
    public double Throughput => Sales / Wall.TotalSeconds;

    public TimeSpan Percentile(double p)
    {
        TimeSpan[] sorted = [.. Latencies.Order()];
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    public TimeSpan Max => Latencies.Max();

    public double CpuSecondsPerSale => HostCpu.TotalSeconds / Sales;
}

/// <summary>
/// N sales, C at a time, each from its POST to its final status, on loopback only. A sale's time ends when the target
/// says it finished (the ledger's final write; the floor's completion), read on the same machine's clock, so the
/// status polls (every 200 ms) neither round the figure up nor load the host much. Every loop is bounded: by the count,
/// and by the run's deadline, after which the driver fails rather than report a partial run.
/// </summary>
public static class SaleLoad
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    public static async Task<SaleRunResult> RunAsync(HttpClient http, SaleTarget target, int sales, int concurrency, TimeSpan timeout, Func<TimeSpan> hostCpu)
    {
        using var deadline = new CancellationTokenSource(timeout);
        var latencies = new TimeSpan[sales];
        var ids = new string[sales];
        var finished = new DateTimeOffset[sales];
        int next = -1;
        TimeSpan cpuBefore = hostCpu();
        DateTimeOffset started = DateTimeOffset.UtcNow;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            for (int i = Interlocked.Increment(ref next); i < sales; i = Interlocked.Increment(ref next))
            {
                (ids[i], DateTimeOffset posted, finished[i]) = await OneAsync(http, target, i, deadline.Token);
                latencies[i] = finished[i] - posted;
            }
        }));
        TimeSpan cpu = hostCpu() - cpuBefore;
        return new SaleRunResult(sales, finished.Max() - started, latencies, cpu, ids);
    }

    private static async Task<(string Id, DateTimeOffset Posted, DateTimeOffset Finished)> OneAsync(HttpClient http, SaleTarget target, int index, CancellationToken cancellationToken)
    {
        DateTimeOffset posted = DateTimeOffset.UtcNow;
        using var content = new StringContent(target.Body(index), Encoding.UTF8, "application/json");
        using HttpResponseMessage started = await http.PostAsync(target.StartPath, content, cancellationToken);
        string startBody = await started.Content.ReadAsStringAsync(cancellationToken);
        if (started.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"{target.Name}: POST {target.StartPath} answered {(int)started.StatusCode}: {startBody}");
        }

        string id = JsonNode.Parse(startBody)!["payment_id"]!.GetValue<string>();
        while (true)
        {
            using HttpResponseMessage status = await http.GetAsync(target.StatusPath(id), cancellationToken);
            if (status.IsSuccessStatusCode
                && JsonNode.Parse(await status.Content.ReadAsStringAsync(cancellationToken)) is { } body
                && target.FinishedAt(body) is { } finishedAt)
            {
                return (id, posted, finishedAt);
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }
}
