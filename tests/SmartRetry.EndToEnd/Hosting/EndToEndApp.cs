using System.Security.Cryptography;
using SmartRetry.EndToEnd.Telemetry;
using SmartRetry.Simulator;
using SmartRetry.Testing.Hosting;
using SmartRetry.Testing.Storage;

namespace SmartRetry.EndToEnd.Hosting;

/// <summary>
/// One app for a collection of tests: Azurite, the SmartRetry simulator and the Functions host in <c>func start</c>,
/// wired the way <c>scripts/run-local.sh</c> wires them, on free loopback ports and with a task hub and tables of its
/// own. Tests reach the app only through <see cref="Api"/> and the simulator only through <see cref="Simulator"/>.
/// Several apps may run at once (the collections run in parallel); the first to start builds the project, the
/// others start the host on that build.
/// </summary>
public class EndToEndApp : IAsyncLifetime
{
    /// <summary>A day of the app's recurring schedule passes in a second, as in local.settings.sample.json.</summary>
    public const int TimeScale = 86_400;

    /// <summary>
    /// The simulator starts in real time, so SmartRetry's calendar and the app's agree; a test that needs SmartRetry's
    /// own retries to keep pace with an accelerated series sets the simulator to <see cref="TimeScale"/> for its run.
    /// </summary>
    public const int SimulatorStartFactor = 1;

    public const string ApiKey = "sk_test_e2e_not_a_real_key";
    public const string TerminalId = "E2ETRM";
    public const string WebhookSecret = "whsec_e2e_not_a_real_secret";

    /// <summary>The local profile's Durable queue settings (local.settings.sample.json): they bound crash recovery.</summary>
    public static readonly TimeSpan MaxQueuePollingInterval = TimeSpan.FromSeconds(1);

    /// <summary>A message a killed host had taken becomes visible again after this long (the extension allows 1 to 60 minutes).</summary>
    public static readonly TimeSpan QueueVisibilityTimeout = TimeSpan.FromMinutes(1);

    /// <summary>
    /// When the reconciler first looks at a payment that is not final (production: 15 min). Longer than a crashed
    /// request takes to be repeated after a restart, so the reconciler never ends a payment its merchant is retrying.
    /// </summary>
    public static readonly TimeSpan ReconcilerFirstCheckAfter = TimeSpan.FromSeconds(90);

    /// <summary>How long a test waits for an activity the app completes in well under a second on an idle machine.</summary>
    public static readonly TimeSpan Settles = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long the host waits before a series' schedule reaches <paramref name="scheduleDate"/>. The app maps a series'
    /// schedule to its clock from the moment the series is created, so a first payment date that SmartRetry's clock
    /// (ahead after an accelerated test) forces into the future is that many seconds away, a day per second.
    /// </summary>
    public static TimeSpan HostTimeUntil(DateOnly scheduleDate)
    {
        TimeSpan scheduleLead = scheduleDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - DateTime.UtcNow;
        return scheduleLead > TimeSpan.Zero ? scheduleLead / TimeScale : TimeSpan.Zero;
    }

    private static readonly TimeSpan FirstStartTimeout = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan RestartTimeout = TimeSpan.FromMinutes(2);

    // func start builds into the project's own output folder, so only one app builds, and the others wait for it.
    private static readonly SemaphoreSlim BuildGate = new(1, 1);
    private static bool built;

    private readonly AzuriteFixture storage;
    private readonly IReadOnlyDictionary<string, string> settingsOverrides;
    private readonly TelemetryReceiver telemetry = new();
    private SmartRetrySimulator? simulator;
    private FunctionsHostProcess? host;

    public EndToEndApp()
        : this(ownStorage: false, new Dictionary<string, string>())
    {
    }

    /// <param name="ownStorage">Run on an Azurite of its own, which a test may pause (<see cref="PauseStorage"/>).</param>
    /// <param name="settingsOverrides">Host settings that differ from the local profile's, e.g. a shorter tracking deadline.</param>
    protected EndToEndApp(bool ownStorage, IReadOnlyDictionary<string, string> settingsOverrides)
    {
        storage = new AzuriteFixture { OwnInstance = ownStorage };
        this.settingsOverrides = settingsOverrides;
    }

    public AppClient Api { get; private set; } = null!;

    public SimulatorControl Simulator { get; private set; } = null!;

    /// <summary>Everything the app exported over OTLP during the run.</summary>
    public TelemetryReceiver Telemetry => telemetry;

    public string StorageConnectionString => storage.ConnectionString;

    public string TaskHubName { get; } = "e2e" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The app's one card sealing key (Payments:Sealing), so a test can open what the app sealed.</summary>
    public string SealingKeyId { get; } = "e2e1";

    public byte[] SealingKey { get; } = RandomNumberGenerator.GetBytes(32);

    /// <summary>The settings the host runs with (what local.settings.json's Values hold for a developer).</summary>
    public IReadOnlyDictionary<string, string> HostSettings { get; private set; } = new Dictionary<string, string>();

    public string HostLogPath => host?.LogPath ?? "";

    public async Task InitializeAsync()
    {
        try
        {
            await StartAllAsync();
        }
        catch
        {
            // Nothing may outlive a failed start: a stray host would hold the port and the task hub.
            await DisposeAsync();
            throw;
        }
    }

    private async Task StartAllAsync()
    {
        string root = LocalMachine.RepositoryRoot();
        await storage.InitializeAsync();
        await telemetry.StartAsync();
        int port = LocalMachine.FreeLoopbackPort();
        simulator = await SmartRetrySimulator.StartAsync(new SmartRetrySimulatorOptions
        {
            ApiKey = ApiKey,
            TerminalId = TerminalId,
            WebhookSecret = WebhookSecret,
            WebhookUrl = new Uri($"http://127.0.0.1:{port}/api/webhooks/smartretry"),
            TimeFactor = SimulatorStartFactor,
            AutomaticDispatch = true,
        });
        Simulator = new SimulatorControl(simulator.BaseUrl);

        HostSettings = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = storage.ConnectionString,
            ["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated",
            ["TaskHubName"] = TaskHubName,
            ["SmartRetry__BaseUrl"] = simulator.BaseUrl.ToString(),
            ["SmartRetry__ApiKey"] = ApiKey,
            ["SmartRetry__TerminalId"] = TerminalId,
            ["SmartRetry__WebhookSecret"] = WebhookSecret,
            ["Payments__Storage__ConnectionString"] = storage.ConnectionString,
            ["Payments__Storage__TableNamePrefix"] = TaskHubName,
            ["Payments__Sealing__CurrentKeyId"] = SealingKeyId,
            [$"Payments__Sealing__Keys__{SealingKeyId}"] = Convert.ToBase64String(SealingKey),
            ["Payments__Cards__FingerprintKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Payments__Maintenance__RetentionDays"] = "30",
            ["Payments__Recurring__TimeScale"] = TimeScale.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Payments__Reconciliation__Schedule"] = "*/2 * * * * *",
            ["Payments__Reconciliation__FirstCheckAfter"] = ReconcilerFirstCheckAfter.ToString(),
            ["Payments__Reconciliation__RunningRecheck"] = "00:00:10",
            ["Payments__Reconciliation__FirstRetryDelay"] = "00:00:02",
            ["Payments__Reconciliation__Backoff"] = "2",
            ["Payments__Reconciliation__MaxRetryDelay"] = "00:00:20",

            // A look the reconciler took on and never finished (a crash, or storage answering a write it had given up
            // on) is taken again after the lease: 5 min in production, 20 s here.
            ["Payments__Reconciliation__Lease"] = "00:00:20",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = telemetry.Endpoint.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "200",
            ["AzureFunctionsJobHost__extensions__durableTask__storageProvider__maxQueuePollingInterval"] = MaxQueuePollingInterval.ToString(),
            ["AzureFunctionsJobHost__extensions__durableTask__storageProvider__workItemQueueVisibilityTimeout"] = QueueVisibilityTimeout.ToString(),
            ["AzureFunctionsJobHost__extensions__durableTask__storageProvider__controlQueueVisibilityTimeout"] = QueueVisibilityTimeout.ToString(),
        };
        HostSettings = HostSettings.Concat(settingsOverrides).GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.Last().Value);
        host = new FunctionsHostProcess(
            Path.Combine(root, "src", "SmartRetry.Functions"),
            port,
            HostSettings,
            Path.Combine(root, "artifacts", "e2e", $"functions-host-{TaskHubName}.log"));
        Api = new AppClient(new Uri(host.BaseUrl, "api/"));
        await BuildGate.WaitAsync();
        try
        {
            await host.StartAsync(build: !built, FirstStartTimeout);
            built = true;
        }
        finally
        {
            BuildGate.Release();
        }
    }

    /// <summary>
    /// Terminates an orchestration instance through the host's own Durable HTTP API, as an operator would from the
    /// portal or Durable Functions Monitor (the local host does not ask for the system key).
    /// </summary>
    public async Task TerminateInstanceAsync(string instanceId, string reason)
    {
        using var http = new HttpClient { BaseAddress = host!.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        using HttpResponseMessage response = await http.PostAsync(
            $"runtime/webhooks/durabletask/instances/{Uri.EscapeDataString(instanceId)}/terminate?reason={Uri.EscapeDataString(reason)}", content: null);
        if (response.StatusCode != System.Net.HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"Terminating {instanceId} answered {(int)response.StatusCode}.");
        }
    }

    /// <summary>Freezes the app's own Azurite (SIGSTOP), as storage that stops answering; only for an app with <c>ownStorage</c>.</summary>
    public void PauseStorage() => storage.Pause();

    public void ResumeStorage() => storage.Resume();

    /// <summary>Kills the host (SIGKILL to its whole process tree), as a crash or a lost machine would.</summary>
    public void KillHost() => host!.Kill();

    /// <summary>Starts the host again on the same storage and task hub, without rebuilding.</summary>
    public Task StartHostAsync() => host!.StartAsync(build: false, RestartTimeout);

    public virtual async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        Api?.Dispose();
        Simulator?.Dispose();
        if (simulator is not null)
        {
            await simulator.DisposeAsync();
        }

        await storage.DisposeAsync();
        await telemetry.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<EndToEndApp>
{
    public const string Name = "The app in the Functions host";
}

/// <summary>
/// A second app for the tests that break what the app depends on: its own Azurite, which a test pauses, a simulator
/// a test makes fail, and a one-minute tracking deadline (the shortest the app allows), so a sale reaches
/// deadline_reached within a test. Its collection runs beside the main one.
/// </summary>
public sealed class FaultsApp() : EndToEndApp(ownStorage: true, new Dictionary<string, string>
{
    ["Payments__Tracking__Deadline"] = TrackingDeadline.ToString(),
})
{
    public static readonly TimeSpan TrackingDeadline = TimeSpan.FromMinutes(1);
}

[CollectionDefinition(Name)]
public sealed class FaultsCollection : ICollectionFixture<FaultsApp>
{
    public const string Name = "The app in the Functions host, with its storage and SmartRetry failing";
}
