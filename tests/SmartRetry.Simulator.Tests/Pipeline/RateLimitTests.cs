using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SmartRetry.Simulator.Tests.Support;

namespace SmartRetry.Simulator.Tests.Pipeline;

public class RateLimitTests : IAsyncLifetime
{
    private SimulatorHarness harness = null!;

    public async Task InitializeAsync() => harness = await SimulatorHarness.StartAsync(options => options.RateLimits = new SimulatorRateLimits { Payments = 2 });

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task Every_response_carries_the_rate_limit_headers()
    {
        using HttpResponseMessage response = await harness.PostAsync($"/v1/payments/sale/{SimulatorHarness.Terminal}", Requests.Sale(10m));

        Assert.Equal("2", Header(response, "X-RateLimit-Limit"));
        Assert.Equal("1", Header(response, "X-RateLimit-Remaining"));
        Assert.Equal((harness.Time.GetUtcNow().ToUnixTimeSeconds() + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Header(response, "X-RateLimit-Reset"));
    }

    [Fact]
    public async Task Past_the_bucket_limit_a_call_is_a_429_with_Retry_After_until_the_window_moves()
    {
        for (int i = 0; i < 2; i++)
        {
            using HttpResponseMessage allowed = await harness.PostAsync($"/v1/payments/sale/{SimulatorHarness.Terminal}", Requests.Sale(10m, $"order-{i}"));
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using HttpResponseMessage limited = await harness.PostAsync($"/v1/payments/sale/{SimulatorHarness.Terminal}", Requests.Sale(10m, "order-3"));
        using HttpResponseMessage status = await harness.Http.GetAsync($"/v1/payments/status/{SimulatorHarness.Terminal}/TX000001");
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        using HttpResponseMessage later = await harness.PostAsync($"/v1/payments/sale/{SimulatorHarness.Terminal}", Requests.Sale(10m, "order-3"));

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), limited.Headers.RetryAfter?.Delta);
        Assert.Equal("RATE_LIMIT_EXCEEDED", (string?)(await limited.Content.ReadFromJsonAsync<JsonObject>())!["reason_code"]);
        Assert.Equal(HttpStatusCode.OK, status.StatusCode); // the status bucket is separate
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }

    [Fact]
    public async Task An_injected_burst_answers_the_next_calls_with_429_and_the_configured_Retry_After()
    {
        harness.Simulator.SetFaults(new SimulatorFaults { RateLimitBurst = 2, RetryAfterSeconds = 30 });

        using HttpResponseMessage first = await harness.PostAsync($"/v1/payments/sale/{SimulatorHarness.Terminal}", Requests.Sale(10m), "burst");
        using HttpResponseMessage second = await harness.PostAsync($"/v1/payments/sale/{SimulatorHarness.Terminal}", Requests.Sale(10m), "burst");
        using HttpResponseMessage third = await harness.PostAsync($"/v1/payments/sale/{SimulatorHarness.Terminal}", Requests.Sale(10m), "burst");

        Assert.Equal(HttpStatusCode.TooManyRequests, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), second.Headers.RetryAfter?.Delta);
        Assert.Equal(30, (int)(await second.Content.ReadFromJsonAsync<JsonObject>())!["context"]!["retry_after_seconds"]!);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Equal("false", Header(third, "Idempotency-Replayed"));
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out IEnumerable<string>? values) ? values.Single() : null;
}
