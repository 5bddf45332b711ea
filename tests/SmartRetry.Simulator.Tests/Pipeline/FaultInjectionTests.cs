using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SmartRetry.Simulator.Tests.Support;

namespace SmartRetry.Simulator.Tests.Pipeline;

public class FaultInjectionTests : IAsyncLifetime
{
    private static readonly string SalePath = $"/v1/payments/sale/{SimulatorHarness.Terminal}";
    private SimulatorHarness harness = null!;

    public async Task InitializeAsync() => harness = await SimulatorHarness.StartAsync();

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task A_dropped_connection_happens_after_the_charge_so_the_same_key_replays_it()
    {
        harness.Simulator.SetFaults(new SimulatorFaults { DropConnectionsNext = 1 });

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => harness.PostAsync(SalePath, Requests.Sale(25m), "drop-1"));
        using HttpResponseMessage retried = await harness.PostAsync(SalePath, Requests.Sale(25m), "drop-1");

        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal("true", retried.Headers.GetValues("Idempotency-Replayed").Single());
        Assert.Single(await harness.WebhooksAsync());
    }

    [Fact]
    public async Task A_server_error_rate_of_one_fails_every_call_before_anything_happens()
    {
        harness.Simulator.SetFaults(new SimulatorFaults { ServerErrorRate = 1 });

        using HttpResponseMessage response = await harness.PostAsync(SalePath, Requests.Sale(25m));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Empty(await harness.WebhooksAsync());
    }

    [Fact]
    public async Task Faults_are_set_through_the_control_api_and_validated()
    {
        using HttpResponseMessage invalid = await harness.PutAsync("/_simulator/faults", new { server_error_rate = 2.0 });
        using HttpResponseMessage valid = await harness.PutAsync("/_simulator/faults", new { server_errors_next = 1 });
        using HttpResponseMessage failed = await harness.PostAsync(SalePath, Requests.Sale(25m));
        using HttpResponseMessage passed = await harness.PostAsync(SalePath, Requests.Sale(25m));

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("ServerErrorRate", (string?)(await invalid.Content.ReadFromJsonAsync<JsonObject>())!["context"]!["field"]);
        Assert.Equal(HttpStatusCode.NoContent, valid.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, passed.StatusCode);
    }
}
