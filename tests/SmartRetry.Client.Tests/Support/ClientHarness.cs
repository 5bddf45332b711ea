using Microsoft.Extensions.Logging.Testing;

namespace SmartRetry.Client.Tests.Support;

/// <summary>A client wired to a loopback server, a recording fake clock and a fake logger.</summary>
public sealed class ClientHarness : IDisposable
{
    public const string ApiKey = "sk_test_harness_secret_key";
    public const string TerminalId = "TERM01";

    private readonly HttpClient httpClient = new() { Timeout = Timeout.InfiniteTimeSpan };

    public ClientHarness(ApiServer server, Action<SmartRetryClientOptions>? configure = null)
    {
        Server = server;
        Options = new SmartRetryClientOptions { BaseUrl = server.Url, ApiKey = ApiKey, TerminalId = TerminalId };
        Options.Retry.UseJitter = false;
        configure?.Invoke(Options);
        Client = new SmartRetryClient(httpClient, Options, Time, Logger);
    }

    public ApiServer Server { get; }

    public SmartRetryClientOptions Options { get; }

    public TimerRecordingTimeProvider Time { get; } = new();

    public FakeLogger<SmartRetryClient> Logger { get; } = new();

    public SmartRetryClient Client { get; }

    public void Dispose() => httpClient.Dispose();
}
