using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using SmartRetry.LoadDriver;
using SmartRetry.Simulator;
using SmartRetry.Testing.Hosting;
using SmartRetry.Testing.Storage;

// The app and the engine's floor, each in the real Functions host on one Azurite, against a simulator that answers at
// once: sales by webhook, and webhook intake. Usage (from the repository root, with `func` on PATH):
//   dotnet run -c Release --project tests/SmartRetry.LoadDriver -- --sales 200 --concurrency 16 --deliveries 400 --partitions 1,4
LoadOptions options = LoadOptions.Parse(args);
string root = LocalMachine.RepositoryRoot();
const string ApiKey = "sk_test_load_not_a_real_key";
const string TerminalId = "LOAD01";
const string WebhookSecret = "whsec_load_not_a_real_secret";
const string PartitionCountSetting = "AzureFunctionsJobHost__extensions__durableTask__storageProvider__partitionCount";

await using var storage = new AzuriteFixture();
await storage.InitializeAsync();
using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
var report = new LoadReport(options);
var built = new HashSet<string>();

foreach (int partitions in options.PartitionCounts)
{
    int appPort = LocalMachine.FreeLoopbackPort();
    await using SmartRetrySimulator simulator = await SmartRetrySimulator.StartAsync(new SmartRetrySimulatorOptions
    {
        ApiKey = ApiKey,
        TerminalId = TerminalId,
        WebhookSecret = WebhookSecret,
        WebhookUrl = new Uri($"http://127.0.0.1:{appPort}/api/webhooks/smartretry"),
        AutomaticDispatch = true,
        RateLimits = new SimulatorRateLimits { Payments = 100_000, Status = 100_000, Recurring = 100_000, Total = 100_000 },
    });

    // The app: a sale of .00 cents is approved in SmartRetry's answer and its webhook follows at once. Both targets' sales
    // end when their orchestration completed, by the instance's own timestamp.
    var appSettings = new Dictionary<string, string>(CommonSettings(storage.ConnectionString, $"loadapp{partitions}{Guid.NewGuid():N}"[..24], partitions))
    {
        ["SmartRetry__BaseUrl"] = simulator.BaseUrl.ToString(),
        ["SmartRetry__ApiKey"] = ApiKey,
        ["SmartRetry__TerminalId"] = TerminalId,
        ["SmartRetry__WebhookSecret"] = WebhookSecret,
        ["Payments__Storage__ConnectionString"] = storage.ConnectionString,
        ["Payments__Sealing__CurrentKeyId"] = "load1",
        ["Payments__Sealing__Keys__load1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ["Payments__Cards__FingerprintKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ["Payments__Maintenance__RetentionDays"] = "30",
        ["Payments__Reconciliation__Schedule"] = "0 * * * * *",
    };
    appSettings["Payments__Storage__TableNamePrefix"] = appSettings["TaskHubName"];
    string run = Guid.NewGuid().ToString("N")[..8];
    var appTarget = new SaleTarget(
        "app",
        $"http://127.0.0.1:{appPort}/api/payments/sale",
        i => Sale($"load-{run}-{i}"),
        id => $"http://127.0.0.1:{appPort}/api/payments/{id}",
        body => string.Equals(body["workflow"]?["runtime_status"]?.GetValue<string>(), "completed", StringComparison.OrdinalIgnoreCase)
            ? body["workflow"]!["last_updated_at"]!.GetValue<DateTimeOffset>()
            : null);
    (SaleRunResult appSales, double appWebhooks, TimeSpan appWebhookCpu) = await MeasureAsync(
        "SmartRetry.Functions", Path.Combine(root, "src", "SmartRetry.Functions"), appPort, appSettings, appTarget,
        $"http://127.0.0.1:{appPort}/api/webhooks/smartretry",
        async sales => await WebhookBodiesAsync(http, appPort, sales));

    int floorPort = LocalMachine.FreeLoopbackPort();
    var floorTarget = new SaleTarget(
        "floor",
        $"http://127.0.0.1:{floorPort}/api/floor/sales",
        _ => "{}",
        id => $"http://127.0.0.1:{floorPort}/api/floor/sales/{id}",
        body => body["status"]?.GetValue<string>() == "approved" ? body["finished_at"]!.GetValue<DateTimeOffset>() : null);
    (SaleRunResult floorSales, double floorWebhooks, TimeSpan floorWebhookCpu) = await MeasureAsync(
        "SmartRetry.LoadFloor", Path.Combine(root, "tests", "SmartRetry.LoadFloor"), floorPort,
        CommonSettings(storage.ConnectionString, $"loadfloor{partitions}{Guid.NewGuid():N}"[..24], partitions), floorTarget,
        $"http://127.0.0.1:{floorPort}/api/floor/webhooks",
        sales => Task.FromResult<IReadOnlyList<string>>([.. Enumerable.Range(0, options.WarmUp + options.Deliveries).Select(i => WebhookLoad.Event($"evt_floor_{run}_{i}", $"TXFLOOR{i}"))]));

    report.Add(partitions, appSales, floorSales, (appWebhooks, appWebhookCpu), (floorWebhooks, floorWebhookCpu));
}

string markdown = report.ToMarkdown();
Console.WriteLine(markdown);
string output = Path.Combine(root, options.Output);
Directory.CreateDirectory(Path.GetDirectoryName(output)!);
await File.WriteAllTextAsync(output, markdown);
Console.WriteLine($"Written to {output}");
return 0;

async Task<(SaleRunResult Sales, double WebhooksPerSecond, TimeSpan WebhookCpu)> MeasureAsync(
    string project, string directory, int port, IReadOnlyDictionary<string, string> settings, SaleTarget target, string webhookPath,
    Func<SaleRunResult, Task<IReadOnlyList<string>>> webhookBodies)
{
    string logPath = Path.Combine(root, "artifacts", "load", $"{project}-{settings["TaskHubName"]}.log");
    await using var host = new FunctionsHostProcess(directory, port, settings, logPath);
    Console.WriteLine($"==> {project}: starting the host (partitions {settings[PartitionCountSetting]}; log {logPath})");
    await host.StartAsync(build: built.Add(directory), TimeSpan.FromMinutes(4));
    TimeSpan Cpu() => host.ProcessId is { } pid ? ProcessTreeCpu.Read(pid) : TimeSpan.Zero;

    // Webhooks first, on the warm-up's transactions: a sale's cancelled poll timer still fires 30 s later, and the
    // sales phase's timers would otherwise land in the middle of the webhook phase of one target and not the other.
    SaleRunResult warmUp = await SaleLoad.RunAsync(http, target, options.WarmUp, Math.Min(options.WarmUp, options.Concurrency), options.RunTimeout, Cpu);
    IReadOnlyList<string> bodies = await webhookBodies(warmUp);

    // The webhook function's first calls compile and connect what the sales did not touch; keep them out of the figure.
    await WebhookLoad.RunAsync(http, webhookPath, [.. bodies.Take(options.WarmUp)], WebhookSecret, Math.Min(options.WarmUp, options.Concurrency), options.RunTimeout, Cpu);
    bodies = [.. bodies.Skip(options.WarmUp)];
    Console.WriteLine($"==> {project}: {bodies.Count} webhook deliveries at concurrency {options.Concurrency}");
    (double perSecond, TimeSpan cpu) = await WebhookLoad.RunAsync(http, webhookPath, bodies, WebhookSecret, options.Concurrency, options.RunTimeout, Cpu);
    Console.WriteLine($"==> {project}: {options.Sales} sales at concurrency {options.Concurrency}");
    SaleRunResult sales = await SaleLoad.RunAsync(http, target, options.Sales, options.Concurrency, options.RunTimeout, Cpu);
    return (sales, perSecond, cpu);
}

async Task<IReadOnlyList<string>> WebhookBodiesAsync(HttpClient client, int port, SaleRunResult sales)
{
    var transactions = new List<string>();
    foreach (string id in sales.PaymentIds.Take(50))
    {
        string body = await client.GetStringAsync(new Uri($"http://127.0.0.1:{port}/api/payments/{id}"));
        transactions.Add(JsonNode.Parse(body)!["transaction_id"]!.GetValue<string>());
    }

    string run = Guid.NewGuid().ToString("N")[..8];
    return [.. Enumerable.Range(0, options.WarmUp + options.Deliveries).Select(i => WebhookLoad.Event($"evt_load_{run}_{i}", transactions[i % transactions.Count]))];
}

static Dictionary<string, string> CommonSettings(string storageConnectionString, string taskHub, int partitions) => new()
{
    ["AzureWebJobsStorage"] = storageConnectionString,
    ["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated",
    ["TaskHubName"] = taskHub,
    [PartitionCountSetting] = partitions.ToString(CultureInfo.InvariantCulture),

    // The local profile's queue settings (local.settings.sample.json), for both.
    ["AzureFunctionsJobHost__extensions__durableTask__storageProvider__maxQueuePollingInterval"] = "00:00:01",
};

static string Sale(string merchantTransactionId) => $$$"""
    {"merchant_transaction_id":"{{{merchantTransactionId}}}","amount":25.00,"currency":"USD",
     "card":{"number":"4111111111111111","expiry_month":12,"expiry_year":2030,"cvv":"123","holder_name":"Load Test"},
     "payer":{"first_name":"Load","last_name":"Test","email":"load@example.com"}}
    """;
