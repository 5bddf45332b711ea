using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SmartRetry.EndToEnd.Telemetry;

/// <summary>
/// An OTLP/HTTP (protobuf) collector on loopback: the app exports its traces, metrics and logs here during the run.
/// Every request body is kept as received, so a test can search all of it, and spans and metric points are decoded.
/// </summary>
public sealed class TelemetryReceiver : IAsyncDisposable
{
    private readonly object gate = new();
    private readonly List<(string Signal, byte[] Body)> payloads = [];
    private readonly List<ExportedSpan> spans = [];
    private readonly List<ExportedPoint> points = [];
    private WebApplication? app;

    public Uri Endpoint { get; private set; } = null!;

    public async Task StartAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            Receive(signal, buffer.ToArray());
            return Results.Ok();
        });
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Endpoint = new Uri(address);
    }

    /// <summary>Every export body received so far, by signal (traces, metrics, logs).</summary>
    public IReadOnlyList<(string Signal, byte[] Body)> Payloads
    {
        get
        {
            lock (gate)
            {
                return [.. payloads];
            }
        }
    }

    public IReadOnlyList<ExportedSpan> Spans
    {
        get
        {
            lock (gate)
            {
                return [.. spans];
            }
        }
    }

    public IReadOnlyList<ExportedPoint> Points
    {
        get
        {
            lock (gate)
            {
                return [.. points];
            }
        }
    }

    /// <summary>
    /// The metric's value for the points whose attributes include <paramref name="tags"/>: the latest export per
    /// series (OTLP from .NET is cumulative), summed over series. A host restarted mid-run starts its series again
    /// from zero with a new start time, so a series is its attributes and its start time. A histogram's value is its count.
    /// </summary>
    public double Total(string metric, params (string Key, string Value)[] tags) =>
        Points.Where(p => p.Metric == metric && tags.All(t => p.Attributes.TryGetValue(t.Key, out string? v) && v == t.Value))
            .GroupBy(p => (p.StartTimeUnixNano, string.Join(';', p.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value}"))))
            .Sum(series => series.Max(p => p.Value));

    /// <summary>Waits, polling, until <paramref name="done"/> holds over the spans received; then fails listing the app's spans.</summary>
    public async Task<IReadOnlyList<ExportedSpan>> WaitForSpansAsync(Func<IReadOnlyList<ExportedSpan>, bool> done, TimeSpan timeout, string waitingFor)
    {
        DateTimeOffset deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            IReadOnlyList<ExportedSpan> received = Spans;
            if (done(received))
            {
                return received;
            }

            if (DateTimeOffset.UtcNow >= deadline)
            {
                throw new TimeoutException($"Waited {timeout.TotalSeconds:0} s for {waitingFor}; the app's spans:{Environment.NewLine}"
                    + string.Join(Environment.NewLine, received.Where(s => s.Service == "SmartRetry.Functions").TakeLast(60)));
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    /// <summary>Waits until the metric's total, over the points carrying <paramref name="tags"/>, exceeds <paramref name="above"/>.</summary>
    public async Task<double> WaitForTotalAboveAsync(string metric, double above, TimeSpan timeout, params (string Key, string Value)[] tags)
    {
        DateTimeOffset deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            double total = Total(metric, tags);
            if (total > above)
            {
                return total;
            }

            if (DateTimeOffset.UtcNow >= deadline)
            {
                throw new TimeoutException($"Waited {timeout.TotalSeconds:0} s for {metric} {string.Join(",", tags.Select(t => $"{t.Key}={t.Value}"))} to exceed {above}; it is {total}. Metrics seen: "
                    + string.Join(", ", Points.Select(p => p.Metric).Distinct()));
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    private void Receive(string signal, byte[] body)
    {
        ProtoMessage request = ProtoMessage.Parse(body);
        List<ExportedSpan> newSpans = signal == "traces" ? ReadSpans(request) : [];
        List<ExportedPoint> newPoints = signal == "metrics" ? ReadPoints(request) : [];
        lock (gate)
        {
            payloads.Add((signal, body));
            spans.AddRange(newSpans);
            points.AddRange(newPoints);
        }
    }

    private static List<ExportedSpan> ReadSpans(ProtoMessage request)
    {
        var read = new List<ExportedSpan>();
        foreach (ProtoMessage resourceSpans in request.Messages(1))
        {
            string service = ServiceName(resourceSpans.Message(1));
            foreach (ProtoMessage scopeSpans in resourceSpans.Messages(2))
            {
                string scope = scopeSpans.Message(1)?.String(1) ?? "";
                foreach (ProtoMessage span in scopeSpans.Messages(2))
                {
                    read.Add(new ExportedSpan(
                        span.Hex(1),
                        span.Hex(2),
                        span.Hex(4),
                        span.String(5) ?? "",
                        (int)span.Integer(6),
                        scope,
                        service,
                        Attributes(span.Messages(9)),
                        [.. span.Messages(13).Select(link => new SpanReference(link.Hex(1), link.Hex(2)))],
                        (int)(span.Message(15)?.Integer(3) ?? 0)));
                }
            }
        }

        return read;
    }

    private static List<ExportedPoint> ReadPoints(ProtoMessage request)
    {
        var read = new List<ExportedPoint>();
        foreach (ProtoMessage resourceMetrics in request.Messages(1))
        {
            foreach (ProtoMessage scopeMetrics in resourceMetrics.Messages(2))
            {
                string scope = scopeMetrics.Message(1)?.String(1) ?? "";
                foreach (ProtoMessage metric in scopeMetrics.Messages(2))
                {
                    string name = metric.String(1) ?? "";
                    foreach (ProtoMessage point in (metric.Message(7) ?? metric.Message(5))?.Messages(1) ?? [])
                    {
                        double value = point.Has(4) ? BitConverter.UInt64BitsToDouble(point.Integer(4)) : (long)point.Integer(6);
                        read.Add(new ExportedPoint(name, scope, Attributes(point.Messages(7)), point.Integer(2), value));
                    }

                    foreach (ProtoMessage point in metric.Message(9)?.Messages(1) ?? [])
                    {
                        read.Add(new ExportedPoint(name, scope, Attributes(point.Messages(9)), point.Integer(2), point.Integer(4)));
                    }
                }
            }
        }

        return read;
    }

    private static string ServiceName(ProtoMessage? resource) =>
        resource is null ? "" : Attributes(resource.Messages(1)).GetValueOrDefault("service.name", "");

    private static Dictionary<string, string> Attributes(IEnumerable<ProtoMessage> keyValues)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (ProtoMessage keyValue in keyValues)
        {
            attributes[keyValue.String(1) ?? ""] = keyValue.Message(2) is { } value ? AnyValue(value) : "";
        }

        return attributes;
    }

    private static string AnyValue(ProtoMessage value)
    {
        if (value.Has(1))
        {
            return value.String(1)!;
        }

        if (value.Has(2))
        {
            return value.Integer(2) != 0 ? "true" : "false";
        }

        if (value.Has(3))
        {
            return ((long)value.Integer(3)).ToString(CultureInfo.InvariantCulture);
        }

        if (value.Has(4))
        {
            return BitConverter.UInt64BitsToDouble(value.Integer(4)).ToString(CultureInfo.InvariantCulture);
        }

        return value.Fields.Count == 0 ? "" : "(" + string.Join(",", value.Fields.Select(f => f.Number)) + ")";
    }
}

public sealed record SpanReference(string TraceId, string SpanId);

/// <param name="Kind">OTLP's SpanKind: 1 internal, 2 server, 3 client, 4 producer, 5 consumer.</param>
/// <param name="StatusCode">OTLP's status code: 0 unset, 1 ok, 2 error.</param>
public sealed record ExportedSpan(
    string TraceId,
    string SpanId,
    string ParentSpanId,
    string Name,
    int Kind,
    string Scope,
    string Service,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyList<SpanReference> Links,
    int StatusCode)
{
    public string Attribute(string key) => Attributes.TryGetValue(key, out string? value) ? value : "";

    public override string ToString() =>
        $"{TraceId[..8]} {SpanId[..8]} <- {(ParentSpanId.Length >= 8 ? ParentSpanId[..8] : "root")} {Name} [{Scope}] {string.Join(' ', Attributes.Select(a => $"{a.Key}={a.Value}"))}";
}

/// <param name="StartTimeUnixNano">When the exporting process began this cumulative series.</param>
/// <param name="Value">A counter's cumulative sum, or a histogram's count.</param>
public sealed record ExportedPoint(string Metric, string Scope, IReadOnlyDictionary<string, string> Attributes, ulong StartTimeUnixNano, double Value);
