using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using SmartRetry.Simulator.Control;
using SmartRetry.Simulator.Domain;
using SmartRetry.Simulator.Endpoints;
using SmartRetry.Simulator.Pipeline;
using SmartRetry.Simulator.Processing;
using SmartRetry.Simulator.Time;
using SmartRetry.Simulator.Webhooks;

namespace SmartRetry.Simulator;

/// <summary>
/// The SmartRetry simulator hosted in-process on loopback, for tests in any project:
/// <code>
/// await using var simulator = await SmartRetrySimulator.StartAsync(new() { TimeFactor = 1, AutomaticDispatch = false }, fakeTime);
/// var http = new HttpClient { BaseAddress = simulator.BaseUrl };
/// </code>
/// </summary>
public sealed class SmartRetrySimulator : IAsyncDisposable
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    private readonly WebApplication app;

    private SmartRetrySimulator(WebApplication app, Uri baseUrl)
    {
        this.app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>The simulator's root, e.g. <c>http://127.0.0.1:41234/</c> (SmartRetry's base URL stand-in).</summary>
    public Uri BaseUrl { get; }

    public SmartRetrySimulatorOptions Options => app.Services.GetRequiredService<IOptions<SmartRetrySimulatorOptions>>().Value;

    /// <summary>The simulator's business clock (base time × time factor + advances).</summary>
    public DateTimeOffset UtcNow => app.Services.GetRequiredService<SimulatorClock>().UtcNow;

    /// <summary>Starts the simulator on 127.0.0.1 (port 0 = a free port) with its clock driven by <paramref name="timeProvider"/>.</summary>
    public static async Task<SmartRetrySimulator> StartAsync(
        SmartRetrySimulatorOptions options,
        TimeProvider? timeProvider = null,
        int port = 0,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        WebApplication app = Build([], options, timeProvider ?? TimeProvider.System);
        app.Urls.Add($"http://127.0.0.1:{port}");
        await app.StartAsync(cancellationToken);
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SmartRetrySimulator(app, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>Runs the simulator stand-alone (Program.cs): options from the <c>Simulator</c> configuration section.</summary>
    public static async Task RunAsync(string[] args)
    {
        WebApplication app = Build(args, options: null, TimeProvider.System);
        if (string.IsNullOrEmpty(app.Configuration["urls"]))
        {
            app.Urls.Add(DefaultUrl);
        }

        await app.RunAsync();
    }

    /// <summary>Runs everything due now (webhook deliveries, retries, scheduled charges) and returns how many items ran.</summary>
    public Task<int> RunDueAsync(CancellationToken cancellationToken = default) =>
        app.Services.GetRequiredService<WorkScheduler>().RunDueAsync(until: null, cancellationToken);

    /// <summary>Moves simulated time forward by <paramref name="by"/>, running due work in order on the way.</summary>
    public Task<int> AdvanceAsync(TimeSpan by, CancellationToken cancellationToken = default) =>
        app.Services.GetRequiredService<WorkScheduler>().RunDueAsync(UtcNow + by, cancellationToken);

    /// <summary>Forgets all transactions, series, webhooks, counters and idempotency records; restores the start-up webhook target and faults.</summary>
    public void Reset() => ControlEndpoints.Reset(app.Services);

    public void SetWebhookTarget(Uri? url, string? secret = null) => app.Services.GetRequiredService<SimulatorSettings>().SetWebhook(url, secret);

    public void SetFaults(SimulatorFaults faults) => app.Services.GetRequiredService<SimulatorSettings>().SetFaults(faults);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static WebApplication Build(string[] args, SmartRetrySimulatorOptions? options, TimeProvider timeProvider)
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(SmartRetrySimulator).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (options is not null)
        {
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        }

        OptionsBuilder<SmartRetrySimulatorOptions> optionsBuilder = builder.Services.AddOptions<SmartRetrySimulatorOptions>();
        if (options is null)
        {
            optionsBuilder.BindConfiguration(SmartRetrySimulatorOptions.SectionName);
        }
        else
        {
            optionsBuilder.Configure(target => Copy(options, target));
        }

        optionsBuilder.ValidateDataAnnotations().ValidateOnStart();
        // The time provider drives only the simulator's own clock; registering it as TimeProvider would hand a test's
        // fake clock to Kestrel's and HttpClient's timeouts too.
        builder.Services.AddSingleton(services =>
        {
            SmartRetrySimulatorOptions value = services.GetRequiredService<IOptions<SmartRetrySimulatorOptions>>().Value;
            return new SimulatorClock(timeProvider, value.TimeFactor, value.SimulatedStart);
        });
        builder.Services.AddSingleton<WorkScheduler>();
        builder.Services.AddSingleton<SimulatorState>();
        builder.Services.AddSingleton<SimulatorSettings>();
        builder.Services.AddSingleton<CallCounters>();
        builder.Services.AddSingleton<IdempotencyStore>();
        builder.Services.AddSingleton<WebhookPublisher>();
        builder.Services.AddSingleton<PaymentProcessor>();
        builder.Services.AddSingleton<RecurringBook>();
        builder.Services.AddSingleton<InstrumentReader>();
        builder.Services.AddHostedService<WorkPump>();
        builder.Services.AddHttpClient(WebhookPublisher.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30));

        WebApplication app = builder.Build();
        app.Services.GetRequiredService<RecurringBook>(); // subscribes to finished charges before the first request
        app.UseRouting();
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/v1"), v1 => v1
            .UseMiddleware<CallCountingMiddleware>()
            .UseMiddleware<FaultInjectionMiddleware>()
            .UseMiddleware<ApiKeyMiddleware>()
            .UseMiddleware<RateLimitMiddleware>()
            .UseMiddleware<IdempotencyMiddleware>()
            .UseMiddleware<LatencyMiddleware>()
            .UseMiddleware<ProblemMiddleware>());
        app.UseWhen(context => context.Request.Path.StartsWithSegments(ControlEndpoints.Prefix), control => control.UseMiddleware<ProblemMiddleware>());
        app.MapHealthEndpoints();
        app.MapPaymentEndpoints();
        app.MapRecurringEndpoints();
        app.MapFutureTransactionEndpoints();
        app.MapControlEndpoints();
        return app;
    }

    private static void Copy(SmartRetrySimulatorOptions source, SmartRetrySimulatorOptions target)
    {
        target.ApiKey = source.ApiKey;
        target.TerminalId = source.TerminalId;
        target.TimeFactor = source.TimeFactor;
        target.SimulatedStart = source.SimulatedStart;
        target.WebhookUrl = source.WebhookUrl;
        target.WebhookSecret = source.WebhookSecret;
        target.AutomaticDispatch = source.AutomaticDispatch;
        target.IdempotencyLockWait = source.IdempotencyLockWait;
        target.RateLimits = source.RateLimits;
        target.Faults = source.Faults.Clone();
    }
}
