using System.Globalization;
using System.Text;

namespace SmartRetry.LoadDriver;

/// <summary>The run's figures side by side, app against floor, as Markdown; ratios are within one run on one machine.</summary>
public sealed class LoadReport(LoadOptions options)
{
    private readonly List<(int Partitions, SaleRunResult App, SaleRunResult Floor, (double PerSecond, TimeSpan Cpu) AppWebhooks, (double PerSecond, TimeSpan Cpu) FloorWebhooks)> rows = [];

    public void Add(int partitions, SaleRunResult app, SaleRunResult floor, (double PerSecond, TimeSpan Cpu) appWebhooks, (double PerSecond, TimeSpan Cpu) floorWebhooks) =>
        rows.Add((partitions, app, floor, appWebhooks, floorWebhooks));

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Sales: {options.Sales} at concurrency {options.Concurrency} (after {options.WarmUp} warm-up), POST to final status; webhooks: {options.Deliveries} deliveries at concurrency {options.Concurrency}; {Environment.ProcessorCount} cores.");
        text.AppendLine();
        text.AppendLine("| Partitions | Target | Sales/s | p50 | p95 | max | Host CPU s/sale | Webhooks/s | Host CPU ms/webhook |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var row in rows)
        {
            Line(text, row.Partitions, "app", row.App, row.AppWebhooks);
            Line(text, row.Partitions, "floor", row.Floor, row.FloorWebhooks);
        }

        text.AppendLine();
        text.AppendLine("| Partitions | Sales throughput app/floor (target ≥ 0.70) | Sales p95 app/floor (target ≤ 1.50) | Webhooks app/floor (target ≥ 0.50) | CPU per sale app/floor |");
        text.AppendLine("|---|---|---|---|---|");
        foreach (var row in rows)
        {
            double throughput = row.App.Throughput / row.Floor.Throughput;
            double p95 = row.App.Percentile(0.95) / row.Floor.Percentile(0.95);
            double webhooks = row.AppWebhooks.PerSecond / row.FloorWebhooks.PerSecond;
            double cpu = row.App.CpuSecondsPerSale / row.Floor.CpuSecondsPerSale;
            text.AppendLine(CultureInfo.InvariantCulture, $"| {row.Partitions} | {throughput:0.000} {Verdict(throughput >= 0.70)} | {p95:0.000} {Verdict(p95 <= 1.50)} | {webhooks:0.000} {Verdict(webhooks >= 0.50)} | {cpu:0.00} |");
        }

        return text.ToString();
    }

    private void Line(StringBuilder text, int partitions, string target, SaleRunResult sales, (double PerSecond, TimeSpan Cpu) webhooks) =>
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| {partitions} | {target} | {sales.Throughput:0.0} | {Ms(sales.Percentile(0.50))} | {Ms(sales.Percentile(0.95))} | {Ms(sales.Max)} | {sales.CpuSecondsPerSale:0.000} | {webhooks.PerSecond:0.0} | {webhooks.Cpu.TotalMilliseconds / options.Deliveries:0.0} |");

    private static string Ms(TimeSpan value) => string.Create(CultureInfo.InvariantCulture, $"{value.TotalMilliseconds:0} ms");

    private static string Verdict(bool met) => met ? "met" : "**not met**";
}
