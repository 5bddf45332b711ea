using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SmartRetry.Simulator.Tests.Support;

namespace SmartRetry.Simulator.Tests.Control;

public class ControlApiTests : IAsyncLifetime
{
    private SimulatorHarness harness = null!;

    public async Task InitializeAsync() => harness = await SimulatorHarness.StartAsync();

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task Reset_forgets_everything_but_never_reuses_ids()
    {
        string before = (string)(await harness.SaleAsync(10m, idempotencyKey: "reset-key"))["transaction_id"]!;

        using HttpResponseMessage reset = await harness.Http.PostAsync("/_simulator/reset", content: null);
        using HttpResponseMessage gone = await harness.Http.GetAsync($"/v1/payments/status/{SimulatorHarness.Terminal}/{before}");
        JsonObject countersAfterReset = await harness.GetJsonAsync("/_simulator/counters");
        string after = (string)(await harness.SaleAsync(10m, idempotencyKey: "reset-key"))["transaction_id"]!;

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Empty(countersAfterReset["idempotency_keys"]!.AsObject());
        Assert.NotEqual(before, after); // the idempotency record went too, so the same key charges again
        Assert.Single(await harness.WebhooksAsync());
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://127.0.0.1/hooks")]
    public async Task The_webhook_target_must_be_an_http_url(string url)
    {
        using HttpResponseMessage response = await harness.PutAsync("/_simulator/webhook", new { url });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("url", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["context"]!["field"]);
    }

    /// <summary>SmartRetry's own people settle an UNKNOWN transaction; the status endpoint shows it, with or without a webhook.</summary>
    [Theory]
    [InlineData("approved", true, "APPROVED")]
    [InlineData("declined", false, "DECLINED")]
    public async Task An_unknown_transaction_can_be_resolved_with_or_without_its_webhook(string outcome, bool notify, string status)
    {
        string transactionId = (string)(await harness.SaleAsync(10.03m))["transaction_id"]!;
        int webhooksBefore = (await harness.WebhooksAsync()).Count;

        using HttpResponseMessage resolved = await harness.Http.PostAsJsonAsync($"/_simulator/transactions/{transactionId}/resolve", new { outcome, notify });
        using HttpResponseMessage again = await harness.Http.PostAsJsonAsync($"/_simulator/transactions/{transactionId}/resolve", new { outcome, notify });
        JsonObject read = await harness.GetJsonAsync($"/v1/payments/status/{SimulatorHarness.Terminal}/{transactionId}");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Conflict), (resolved.StatusCode, again.StatusCode));
        Assert.Equal(status, (string?)read["status"]!["status"]);
        Assert.Equal(webhooksBefore + (notify ? 1 : 0), (await harness.WebhooksAsync()).Count);
    }
}
