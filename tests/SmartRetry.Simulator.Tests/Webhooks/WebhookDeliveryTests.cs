using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using SmartRetry.Simulator.Tests.Support;

namespace SmartRetry.Simulator.Tests.Webhooks;

public class WebhookDeliveryTests : IAsyncLifetime
{
    private WebhookReceiver receiver = null!;
    private SimulatorHarness harness = null!;

    public async Task InitializeAsync()
    {
        receiver = await WebhookReceiver.StartAsync();
        harness = await SimulatorHarness.StartAsync(options => options.WebhookUrl = receiver.Url);
    }

    public async Task DisposeAsync()
    {
        await harness.DisposeAsync();
        await receiver.DisposeAsync();
    }

    [Fact]
    public async Task An_event_is_delivered_with_a_valid_signature_over_the_raw_body()
    {
        string id = (string)(await harness.SaleAsync(10m))["transaction_id"]!;

        await harness.Simulator.RunDueAsync();

        ReceivedWebhook webhook = Assert.Single(receiver.Received);
        Assert.Equal("application/json", webhook.ContentType);
        (string t, string v1) = Parse(webhook.Signature);
        Assert.Equal(harness.Time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), t);
        Assert.Equal(IndependentHmac(SimulatorHarness.WebhookSecret, t, webhook.Body), v1);
        JsonObject payload = JsonNode.Parse(webhook.Body)!.AsObject();
        Assert.Equal("transaction.approved", (string?)payload["type"]);
        Assert.StartsWith("evt_", (string)payload["id"]!, StringComparison.Ordinal);
        Assert.Equal("2026-01-15T09:30:00Z", (string?)payload["created_at"]);
        Assert.Equal(id, (string?)payload["data"]!["transaction_id"]);
        Assert.Equal("APPROVED", (string?)payload["data"]!["status"]!["status"]);
    }

    [Fact]
    public async Task A_failed_delivery_is_redelivered_on_the_schedule_with_the_same_body_and_a_fresh_timestamp()
    {
        receiver.AnswerNext(500, 503);
        await harness.SaleAsync(10m);

        await harness.Simulator.RunDueAsync();
        harness.Time.Advance(TimeSpan.FromSeconds(59));
        await harness.Simulator.RunDueAsync();
        int afterFiftyNineSeconds = receiver.Received.Count;
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        await harness.Simulator.RunDueAsync();
        harness.Time.Advance(TimeSpan.FromMinutes(5));
        await harness.Simulator.RunDueAsync();
        await harness.Simulator.AdvanceAsync(TimeSpan.FromDays(3));

        Assert.Equal(1, afterFiftyNineSeconds);
        Assert.Equal(3, receiver.Received.Count);
        Assert.All(receiver.Received, webhook => Assert.Equal(receiver.Received[0].Body, webhook.Body));
        Assert.Equal(3, receiver.Received.Select(webhook => Parse(webhook.Signature).T).Distinct().Count());
        JsonArray deliveries = (JsonArray)(await harness.WebhooksAsync())[0]!["deliveries"]!;
        Assert.Equal([500, 503, 200], deliveries.Select(d => (int)d!["status_code"]!));
        Assert.Equal(["2026-01-15T09:30:00Z", "2026-01-15T09:31:00Z", "2026-01-15T09:36:00Z"], deliveries.Select(d => (string)d!["at"]!));
    }

    [Fact]
    public async Task An_unreachable_receiver_gets_seven_attempts_then_the_event_stays_unacknowledged()
    {
        harness.Simulator.SetWebhookTarget(new Uri("http://127.0.0.1:9/unreachable"));
        await harness.SaleAsync(10m);

        await harness.Simulator.AdvanceAsync(TimeSpan.FromDays(3));

        JsonObject webhookEvent = (JsonObject)(await harness.WebhooksAsync())[0]!;
        JsonArray deliveries = (JsonArray)webhookEvent["deliveries"]!;
        Assert.False((bool)webhookEvent["acknowledged"]!);
        Assert.Equal(7, deliveries.Count);
        Assert.All(deliveries, d => Assert.Null((int?)d!["status_code"]));
        Assert.Equal("2026-01-16T20:06:00Z", (string?)deliveries[6]!["at"]); // 1 m + 5 m + 30 m + 2 h + 8 h + 24 h after the first
    }

    [Fact]
    public async Task A_duplicate_delivery_on_demand_repeats_the_same_event()
    {
        await harness.SaleAsync(10m);
        await harness.Simulator.RunDueAsync();
        string eventId = (string)(await harness.WebhooksAsync())[0]!["id"]!;

        using HttpResponseMessage response = await harness.Http.PostAsync($"/_simulator/webhooks/{eventId}/duplicate", content: null);
        await harness.Simulator.RunDueAsync();

        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(2, receiver.Received.Count);
        Assert.Equal(receiver.Received[0].Body, receiver.Received[1].Body);
        Assert.Equal(eventId, (string?)JsonNode.Parse(receiver.Received[1].Body)!["id"]);
    }

    private static (string T, string V1) Parse(string header)
    {
        Dictionary<string, string> parts = header.Split(',').Select(part => part.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1]);
        return (parts["t"], parts["v1"]);
    }

    // Computed here from the §6.4 recipe, not with the simulator's own code.
    private static string IndependentHmac(string secret, string t, byte[] body) =>
        Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), (byte[])[.. Encoding.ASCII.GetBytes(t + "."), .. body])).ToLowerInvariant();
}
