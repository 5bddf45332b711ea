using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SmartRetry.Client;
using SmartRetry.Functions.Shared.Gateway;
using SmartRetry.Functions.Tests.Webhooks;
using SmartRetry.Simulator;

namespace SmartRetry.Functions.Tests.Shared.Gateway;

/// <summary>
/// The gateway over a real <see cref="SmartRetryClient"/> against the in-process SmartRetry simulator. Two gateways
/// share it: <see cref="Gateway"/> with the client's retries off, so transient failures surface as the activity sees
/// them, and <see cref="RetryingGateway"/> with the default retries on a virtual clock the test advances.
/// </summary>
internal sealed class SimulatorGatewayHarness : IAsyncLifetime, IDisposable
{
    private const string ApiKey = "sk_test_gateway_integration";
    private const string TerminalId = "TERM01";

    private readonly HttpClient httpClient = new() { Timeout = Timeout.InfiniteTimeSpan };
    private SmartRetrySimulator? simulator;
    private SmartRetryGateway? gateway;
    private SmartRetryGateway? retryingGateway;

    public SmartRetrySimulator Simulator => simulator ?? throw new InvalidOperationException("Not started.");

    public SmartRetryGateway Gateway => gateway ?? throw new InvalidOperationException("Not started.");

    public SmartRetryGateway RetryingGateway => retryingGateway ?? throw new InvalidOperationException("Not started.");

    public TimerSignallingTimeProvider RetryClock { get; } = new(new DateTimeOffset(2026, 11, 23, 22, 0, 0, TimeSpan.Zero));

    public async Task InitializeAsync()
    {
        simulator = await SmartRetrySimulator.StartAsync(
            new SmartRetrySimulatorOptions { ApiKey = ApiKey, TerminalId = TerminalId, AutomaticDispatch = false },
            new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 22, 0, 0, TimeSpan.Zero)));
        gateway = Create(options => options.Retry.MaxAttempts = 1, TimeProvider.System);
        retryingGateway = Create(options => options.Retry.UseJitter = false, RetryClock);
    }

    public async Task DisposeAsync()
    {
        if (simulator is not null)
        {
            await simulator.DisposeAsync();
        }
    }

    public void Dispose() => httpClient.Dispose();

    private SmartRetryGateway Create(Action<SmartRetryClientOptions> configure, TimeProvider time)
    {
        var options = new SmartRetryClientOptions { BaseUrl = Simulator.BaseUrl, ApiKey = ApiKey, TerminalId = TerminalId };
        configure(options);
        return new SmartRetryGateway(new SmartRetryClient(httpClient, options, time), NullLogger<SmartRetryGateway>.Instance);
    }
}
