using Microsoft.Extensions.Time.Testing;
using SmartRetry.Client.Tests.Support;
using SmartRetry.Simulator;

namespace SmartRetry.Client.Tests.Integration;

/// <summary>
/// The real client against the in-process SmartRetry simulator on loopback. Both run on fake clocks: the client's
/// records its timers (so a test can let a Retry-After pass), the simulator's only moves when a test advances it.
/// </summary>
public sealed class SimulatorHarness : IAsyncLifetime, IDisposable
{
    public const string ApiKey = "sk_test_client_integration";
    public const string TerminalId = "TERM01";

    private readonly HttpClient httpClient = new() { Timeout = Timeout.InfiniteTimeSpan };
    private SmartRetrySimulator? simulator;
    private SmartRetryClient? client;

    public SmartRetrySimulator Simulator => simulator ?? throw new InvalidOperationException("Not started.");

    public SmartRetryClient Client => client ?? throw new InvalidOperationException("Not started.");

    public TimerRecordingTimeProvider ClientTime { get; } = new();

    public async Task InitializeAsync()
    {
        simulator = await SmartRetrySimulator.StartAsync(
            new SmartRetrySimulatorOptions { ApiKey = ApiKey, TerminalId = TerminalId, AutomaticDispatch = false },
            new FakeTimeProvider(new DateTimeOffset(2026, 4, 1, 12, 0, 0, TimeSpan.Zero)));
        var options = new SmartRetryClientOptions { BaseUrl = simulator.BaseUrl, ApiKey = ApiKey, TerminalId = TerminalId };
        options.Retry.UseJitter = false;
        client = new SmartRetryClient(httpClient, options, ClientTime);
    }

    public async Task DisposeAsync()
    {
        if (simulator is not null)
        {
            await simulator.DisposeAsync();
        }
    }

    public void Dispose() => httpClient.Dispose();
}
