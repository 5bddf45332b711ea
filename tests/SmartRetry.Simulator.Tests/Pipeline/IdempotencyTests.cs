using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SmartRetry.Simulator.Tests.Support;

namespace SmartRetry.Simulator.Tests.Pipeline;

public class IdempotencyTests : IAsyncLifetime
{
    private static readonly string SalePath = $"/v1/payments/sale/{SimulatorHarness.Terminal}";
    private SimulatorHarness harness = null!;

    public async Task InitializeAsync() => harness = await SimulatorHarness.StartAsync(options => options.IdempotencyLockWait = TimeSpan.FromSeconds(10));

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task The_same_key_and_body_replays_the_original_response_without_a_second_charge()
    {
        using HttpResponseMessage first = await harness.PostAsync(SalePath, Requests.Sale(25m), "key-1");
        using HttpResponseMessage second = await harness.PostAsync(SalePath, Requests.Sale(25m), "key-1");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal("false", Header(first, "Idempotency-Replayed"));
        Assert.Equal("true", Header(second, "Idempotency-Replayed"));
        Assert.Equal("true", Header(second, "X-Idempotency-Replayed"));
        Assert.Equal("key-1", Header(second, "Idempotency-Key"));
        Assert.Equal(Header(first, "Idempotency-Expires"), Header(second, "Idempotency-Expires"));
        Assert.Equal(HarnessExpiry(), DateTimeOffset.Parse(Header(first, "Idempotency-Expires")!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Single(await harness.WebhooksAsync());
        JsonObject counters = await harness.GetJsonAsync("/_simulator/counters");
        Assert.Equal(2, (int)counters["idempotency_keys"]!["key-1"]!);
        Assert.Equal(2, (int)counters["endpoints"]!["POST /v1/payments/sale/{terminal_friendly_id}"]!);
    }

    [Fact]
    public async Task The_same_key_with_a_changed_body_is_a_409_IDEMPOTENCY_CONFLICT()
    {
        using HttpResponseMessage first = await harness.PostAsync(SalePath, Requests.Sale(25m), "key-2");
        using HttpResponseMessage changed = await harness.PostAsync(SalePath, Requests.Sale(26m), "key-2");

        Assert.Equal(HttpStatusCode.Conflict, changed.StatusCode);
        JsonObject problem = (await changed.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("IDEMPOTENCY_CONFLICT", (string?)problem["reason_code"]);
        Assert.Equal("key-2", (string?)problem["context"]!["idempotency_key"]);
        Assert.Single(await harness.WebhooksAsync());
    }

    [Fact]
    public async Task A_4xx_result_is_stored_and_replayed_too()
    {
        using HttpResponseMessage first = await harness.PostAsync(SalePath, Requests.Sale(0.5m), "key-3");
        using HttpResponseMessage second = await harness.PostAsync(SalePath, Requests.Sale(0.5m), "key-3");

        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Equal("true", Header(second, "Idempotency-Replayed"));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_5xx_result_is_not_stored_so_the_retry_runs_the_operation()
    {
        harness.Simulator.SetFaults(new SimulatorFaults { ServerErrorsNext = 1 });

        using HttpResponseMessage failed = await harness.PostAsync(SalePath, Requests.Sale(25m), "key-4");
        using HttpResponseMessage retried = await harness.PostAsync(SalePath, Requests.Sale(25m), "key-4");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal("false", Header(retried, "Idempotency-Replayed"));
        Assert.Single(await harness.WebhooksAsync());
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("semi;colon")]
    public async Task A_malformed_key_is_a_400_INVALID_IDEMPOTENCY_KEY(string key)
    {
        using HttpResponseMessage response = await harness.PostAsync(SalePath, Requests.Sale(25m), key);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("INVALID_IDEMPOTENCY_KEY", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["reason_code"]);
        Assert.Empty(await harness.WebhooksAsync());
    }

    [Fact]
    public async Task A_concurrent_twin_waits_for_the_lock_and_gets_503_RESOURCE_LOCKED_then_the_result_replays()
    {
        harness.Simulator.SetFaults(new SimulatorFaults { AddedLatencyMilliseconds = 60_000 });
        Task<HttpResponseMessage> first = harness.PostAsync(SalePath, Requests.Sale(25m), "key-5");
        await UntilKeyCountedAsync("key-5", 1);
        harness.Simulator.SetFaults(new SimulatorFaults());

        Task<HttpResponseMessage> twin = harness.PostAsync(SalePath, Requests.Sale(25m), "key-5");
        await UntilKeyCountedAsync("key-5", 2);
        harness.Time.Advance(TimeSpan.FromSeconds(11)); // past the twin's 10 s lock wait, not yet the first call's latency
        using HttpResponseMessage locked = await twin;
        harness.Time.Advance(TimeSpan.FromSeconds(60));
        using HttpResponseMessage original = await first;
        using HttpResponseMessage replay = await harness.PostAsync(SalePath, Requests.Sale(25m), "key-5");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, locked.StatusCode);
        Assert.Equal("RESOURCE_LOCKED", (string?)(await locked.Content.ReadFromJsonAsync<JsonObject>())!["reason_code"]);
        Assert.Equal(HttpStatusCode.OK, original.StatusCode);
        Assert.Equal("true", Header(replay, "Idempotency-Replayed"));
        Assert.Equal(await original.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
    }

    private DateTimeOffset HarnessExpiry() => harness.Time.GetUtcNow().AddHours(24);

    private async Task UntilKeyCountedAsync(string key, int count)
    {
        // Polls the control API (no sleeping) until the simulator has registered the in-flight request.
        for (int i = 0; i < 10_000; i++)
        {
            JsonObject counters = await harness.GetJsonAsync("/_simulator/counters");
            if ((int?)counters["idempotency_keys"]![key] >= count)
            {
                return;
            }

            await Task.Yield();
        }

        Assert.Fail($"the simulator never counted {count} calls with {key}");
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out IEnumerable<string>? values) ? values.Single() : null;
}
