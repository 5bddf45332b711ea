using Microsoft.Extensions.Time.Testing;
using SmartRetry.Client;
using SmartRetry.Functions.Shared.Cards;
using SmartRetry.Functions.Shared.Gateway;
using SmartRetry.Functions.Shared.Series;
using SmartRetry.Simulator;

namespace SmartRetry.Functions.Tests.Shared.Gateway;

/// <summary>
/// The in-process SmartRetry simulator on a loopback port and a real <see cref="SmartRetryClient"/> pointed at it, both
/// on one fake clock with no background dispatch: tests move time explicitly, nothing sleeps.
/// </summary>
public sealed class SimulatorGateway : IAsyncDisposable
{
    public const string ApiKey = "sk_test_payments_gateway";
    public const string Terminal = "TERM01";

    public static readonly CardDetails Card = new("4111111111111111", 12, 2030, "737", "Jane Doe");
    public static readonly PayerDetails Payer = new("Jane", "Doe", "jane.doe@example.com");

    private readonly HttpClient http;

    private SimulatorGateway(SmartRetrySimulator simulator, FakeTimeProvider time)
    {
        Simulator = simulator;
        Time = time;
        http = new HttpClient();
        var client = new SmartRetryClient(
            http,
            new SmartRetryClientOptions { BaseUrl = simulator.BaseUrl, ApiKey = ApiKey, TerminalId = Terminal, Retry = { MaxAttempts = 1 } },
            time);
        Recurring = new SmartRetryRecurringGateway(client);
    }

    public static DateTimeOffset Start { get; } = new(2026, 1, 15, 9, 30, 0, TimeSpan.Zero);

    public SmartRetrySimulator Simulator { get; }

    public FakeTimeProvider Time { get; }

    public SmartRetryRecurringGateway Recurring { get; }

    public static async Task<SimulatorGateway> StartAsync()
    {
        var time = new FakeTimeProvider(Start);
        var options = new SmartRetrySimulatorOptions { ApiKey = ApiKey, TerminalId = Terminal, AutomaticDispatch = false };
        return new SimulatorGateway(await SmartRetrySimulator.StartAsync(options, time), time);
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await Simulator.DisposeAsync();
    }
}
