namespace SmartRetry.EndToEnd.Telemetry;

/// <summary>Reading one payment's trace out of everything the app exported.</summary>
public static class Traces
{
    /// <summary>Waits until the trace in which <paramref name="orchestration"/> started for <paramref name="instanceId"/> is <paramref name="complete"/>, then returns it.</summary>
    public static async Task<IReadOnlyList<ExportedSpan>> WaitForAsync(
        TelemetryReceiver telemetry, string orchestration, string instanceId, Func<IReadOnlyList<ExportedSpan>, bool> complete, TimeSpan timeout, string what)
    {
        ArgumentNullException.ThrowIfNull(telemetry);
        IReadOnlyList<ExportedSpan> spans = await telemetry.WaitForSpansAsync(
            received => Of(received, orchestration, instanceId) is { } trace && complete(trace), timeout, what);
        return Of(spans, orchestration, instanceId)!;
    }

    /// <summary>The spans of the trace in which <paramref name="orchestration"/> was started for <paramref name="instanceId"/>.</summary>
    public static IReadOnlyList<ExportedSpan>? Of(IReadOnlyList<ExportedSpan> spans, string orchestration, string instanceId) =>
        spans.FirstOrDefault(s => s.Name == $"create_orchestration:{orchestration}" && s.Attribute("durabletask.task.instance_id") == instanceId) is { } start
            ? [.. spans.Where(s => s.TraceId == start.TraceId)]
            : null;

    public static ExportedSpan One(IReadOnlyList<ExportedSpan> trace, Func<ExportedSpan, bool> match, string what)
    {
        ExportedSpan[] found = [.. trace.Where(match)];
        Assert.True(found.Length == 1, $"Expected one span for {what}, found {found.Length} in the trace:{Environment.NewLine}{string.Join(Environment.NewLine, trace)}");
        return found[0];
    }
}
