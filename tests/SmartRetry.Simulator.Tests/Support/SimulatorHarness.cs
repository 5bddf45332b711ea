using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace SmartRetry.Simulator.Tests.Support;

/// <summary>
/// A simulator on a free loopback port with a fake base clock and no automatic dispatch, plus a real HttpClient with
/// the API key set: tests move time and run due work explicitly, so nothing sleeps.
/// </summary>
public sealed class SimulatorHarness : IAsyncDisposable
{
    public const string ApiKey = "sk_test_simulator_tests";
    public const string Terminal = "TERM01";
    public const string WebhookSecret = "whsec_simulator_tests";

    private SimulatorHarness(SmartRetrySimulator simulator, FakeTimeProvider time)
    {
        Simulator = simulator;
        Time = time;
        Http = new HttpClient { BaseAddress = simulator.BaseUrl };
        Http.DefaultRequestHeaders.Add("x-api-key", ApiKey);
    }

    public static DateTimeOffset Start { get; } = new(2026, 1, 15, 9, 30, 0, TimeSpan.Zero);

    public SmartRetrySimulator Simulator { get; }

    public FakeTimeProvider Time { get; }

    public HttpClient Http { get; }

    public static async Task<SimulatorHarness> StartAsync(Action<SmartRetrySimulatorOptions>? configure = null)
    {
        var time = new FakeTimeProvider(Start);
        var options = new SmartRetrySimulatorOptions
        {
            ApiKey = ApiKey,
            TerminalId = Terminal,
            WebhookSecret = WebhookSecret,
            AutomaticDispatch = false,
        };
        configure?.Invoke(options);
        return new SimulatorHarness(await SmartRetrySimulator.StartAsync(options, time), time);
    }

    public Task<HttpResponseMessage> PostAsync(string path, object body, string? idempotencyKey = null) =>
        SendAsync(HttpMethod.Post, path, body, idempotencyKey);

    public Task<HttpResponseMessage> PutAsync(string path, object body) => SendAsync(HttpMethod.Put, path, body, idempotencyKey: null);

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object body, string? idempotencyKey)
    {
        string json = body as string ?? System.Text.Json.JsonSerializer.Serialize(body);
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await Http.SendAsync(request);
    }

    public async Task<JsonObject> GetJsonAsync(string path)
    {
        using HttpResponseMessage response = await Http.GetAsync(path);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public Task<JsonObject> TransactionAsync(string transactionId) => GetJsonAsync($"/v1/payments/status/{Terminal}/{transactionId}");

    public Task<JsonObject> SeriesAsync(string recurringId) => GetJsonAsync($"/v1/payments/recurring/status/{Terminal}?recurring_id={recurringId}");

    public async Task<JsonArray> WebhooksAsync()
    {
        using HttpResponseMessage response = await Http.GetAsync("/_simulator/webhooks");
        return (await response.Content.ReadFromJsonAsync<JsonArray>())!;
    }

    /// <summary>The event types published for one transaction, in order.</summary>
    public async Task<IReadOnlyList<string>> EventTypesForAsync(string transactionId) =>
        [.. (await WebhooksAsync()).Where(e => (string?)e!["payload"]!["data"]!["transaction_id"] == transactionId).Select(e => (string)e!["type"]!)];

    public async Task<JsonObject> SaleAsync(decimal amount, string merchantTransactionId = "order-1", string? idempotencyKey = null)
    {
        using HttpResponseMessage response = await PostAsync($"/v1/payments/sale/{Terminal}", Requests.Sale(amount, merchantTransactionId), idempotencyKey);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Simulator.DisposeAsync();
    }
}
