using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SmartRetry.Simulator.Tests.Support;

namespace SmartRetry.Simulator.Tests.Pipeline;

public class IdempotencyTests : IAsyncLifetime
{
    private static readonly string SalePath = $"/v1/payments/sale/{SimulatorHarness.Terminal}";
    private SimulatorHarness harness = null!;

    public async Task InitializeAsync() => harness = await SimulatorHarness.StartAsync();

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
    public async Task A_twin_arriving_while_the_first_call_is_in_flight_gets_503_RESOURCE_LOCKED_once_its_wait_is_over()
    {
        await using SimulatorHarness noWait = await SimulatorHarness.StartAsync(options => options.IdempotencyLockWait = TimeSpan.Zero);
        noWait.Simulator.SetFaults(new SimulatorFaults { AddedLatencyMilliseconds = 60_000 });
        Task<HttpResponseMessage> first = noWait.PostAsync(SalePath, Requests.Sale(25m), "key-5");
        await UntilDelayedAsync(noWait);

        using HttpResponseMessage locked = await noWait.PostAsync(SalePath, Requests.Sale(25m), "key-5");
        noWait.Time.Advance(TimeSpan.FromSeconds(60));
        using HttpResponseMessage original = await first;
        using HttpResponseMessage replay = await noWait.PostAsync(SalePath, Requests.Sale(25m), "key-5");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, locked.StatusCode);
        JsonObject problem = (await locked.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("RESOURCE_LOCKED", (string?)problem["reason_code"]);
        Assert.Equal("key-5", (string?)problem["context"]!["idempotency_key"]);
        Assert.Equal(HttpStatusCode.OK, original.StatusCode);
        Assert.Equal("true", Header(replay, "Idempotency-Replayed"));
        Assert.Equal(await original.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_twin_that_waits_long_enough_gets_the_first_calls_result()
    {
        await using SimulatorHarness patient = await SimulatorHarness.StartAsync(options => options.IdempotencyLockWait = TimeSpan.FromHours(1));
        patient.Simulator.SetFaults(new SimulatorFaults { AddedLatencyMilliseconds = 60_000 });
        Task<HttpResponseMessage> first = patient.PostAsync(SalePath, Requests.Sale(25m), "key-6");
        await UntilDelayedAsync(patient);

        Task<HttpResponseMessage> twin = patient.PostAsync(SalePath, Requests.Sale(25m), "key-6");
        patient.Time.Advance(TimeSpan.FromSeconds(60));
        using HttpResponseMessage original = await first;
        using HttpResponseMessage replay = await twin;

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal("true", Header(replay, "Idempotency-Replayed"));
        Assert.Equal(await original.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        Assert.Single(await patient.WebhooksAsync());
    }

    private DateTimeOffset HarnessExpiry() => harness.Time.GetUtcNow().AddHours(24);

    /// <summary>Polls the control API (each poll a real round trip, no sleeping) until the first call is held by the injected latency.</summary>
    private static async Task UntilDelayedAsync(SimulatorHarness target)
    {
        for (int i = 0; i < 10_000; i++)
        {
            if ((int)(await target.GetJsonAsync("/_simulator/counters"))["delayed_now"]! == 1)
            {
                return;
            }
        }

        Assert.Fail("the first call never reached the injected latency");
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out IEnumerable<string>? values) ? values.Single() : null;
}
