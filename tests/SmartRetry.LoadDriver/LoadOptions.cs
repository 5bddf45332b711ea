using System.Globalization;

namespace SmartRetry.LoadDriver;

/// <param name="Sales">Sales per measured run (after a warm-up of <see cref="WarmUp"/>).</param>
/// <param name="Concurrency">Sales (and webhook deliveries) in flight at once.</param>
/// <param name="Deliveries">Webhook deliveries per measured run.</param>
/// <param name="PartitionCounts">Durable partition counts to run each target with (host.json's is 4).</param>
/// <param name="RunTimeout">The most one measured run may take; a run that has not finished by then fails the driver.</param>
public sealed record LoadOptions(int Sales, int Concurrency, int Deliveries, int WarmUp, IReadOnlyList<int> PartitionCounts, TimeSpan RunTimeout, string Output)
{
    public static LoadOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        int Int(string name, int fallback) => values.TryGetValue(name, out string? v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var options = new LoadOptions(
            Int("sales", 200),
            Int("concurrency", 16),
            Int("deliveries", 400),
            Int("warm-up", 10),
            values.TryGetValue("partitions", out string? p) ? [.. p.Split(',').Select(x => int.Parse(x, CultureInfo.InvariantCulture))] : [4],
            TimeSpan.FromSeconds(Int("run-timeout-seconds", 300)),
            values.GetValueOrDefault("out", Path.Combine("artifacts", "load", "results.md")));
        if (options.Sales is < 1 or > 5000 || options.Concurrency is < 1 or > 128 || options.Deliveries is < 1 or > 20000
            || options.PartitionCounts.Any(c => c is < 1 or > 16))
        {
            throw new ArgumentException("Out of range: --sales 1..5000, --concurrency 1..128, --deliveries 1..20000, --partitions 1..16 each.");
        }

        return options;
    }
}
