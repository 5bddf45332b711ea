using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using SmartRetry.EndToEnd.Hosting;

namespace SmartRetry.EndToEnd.Webhooks;

/// <summary>SmartRetry's webhooks through the real host: a forged one changes nothing, a redelivered one counts once.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class WebhookTests(EndToEndApp app)
{
    [Fact]
    public async Task Forged_webhooks_get_400_and_change_nothing()
    {
        string merchantId = Requests.NewId("forged");
        ApiResponse sale = await app.Api.PostAsync("payments/sale", Requests.Sale(merchantId, 49.01m));
        string paymentId = sale.Text("payment_id");
        ApiResponse processing = await app.Api.WaitForPaymentAsync(paymentId, EndToEndApp.Settles, "processing");
        string transactionId = processing.Text("transaction_id");
        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        string createdAt = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        string body = $$$"""{"id":"evt_forged_{{{merchantId}}}","type":"transaction.approved","created_at":"{{{createdAt}}}","data":{"transaction_id":"{{{transactionId}}}","status":"APPROVED","reasonCode":"AUTH.APPROVED"}}""";

        (string Name, string? Signature)[] forgeries =
        [
            ("no signature", null),
            ("signed with another secret", Sign("whsec_an_attacker_guess", now, body)),
            ("signed long ago", Sign(EndToEndApp.WebhookSecret, now - 3600, body)),
            ("malformed header", "v1=deadbeef"),
        ];
        foreach ((string name, string? signature) in forgeries)
        {
            ApiResponse answer = await app.Api.SendAsync(HttpMethod.Post, "webhooks/smartretry", body,
                signature is null ? [] : [new("X-SmartRetry-Signature", signature)]);
            Assert.True(answer.Status == HttpStatusCode.BadRequest, $"{name}: {answer}");
            Assert.Equal("application/problem+json", answer.ContentType);
        }

        ApiResponse after = await app.Api.GetAsync($"payments/{paymentId}");
        Assert.Equal("processing", after.Text("status"));
        Assert.Equal(processing.Text("updated_at"), after.Text("updated_at"));

        // The genuine outcome still lands.
        await app.Simulator.AdvanceAsync("""{"seconds":120}""");
        Assert.Equal("approved", (await app.Api.WaitForPaymentAsync(paymentId, EndToEndApp.Settles, "approved", "declined")).Text("status"));
    }

    [Fact]
    public async Task A_webhook_delivered_several_times_has_one_effect()
    {
        string merchantId = Requests.NewId("dupe");
        ApiResponse sale = await app.Api.PostAsync("payments/sale", Requests.Sale(merchantId, 49.01m));
        string paymentId = sale.Text("payment_id");
        string transactionId = (await app.Api.WaitForPaymentAsync(paymentId, EndToEndApp.Settles, "processing")).Text("transaction_id");
        await app.Simulator.AdvanceAsync("""{"seconds":120}""");
        ApiResponse approved = await app.Api.WaitForPaymentAsync(paymentId, EndToEndApp.Settles, "approved");

        JsonNode approvedEvent = Assert.Single(await app.Simulator.WebhooksAsync(e =>
            e["type"]!.GetValue<string>() == "transaction.approved" && e["payload"]!["data"]!["transaction_id"]!.GetValue<string>() == transactionId));
        string eventId = approvedEvent["id"]!.GetValue<string>();
        for (int i = 0; i < 3; i++)
        {
            await app.Simulator.PostAsync($"_simulator/webhooks/{eventId}/duplicate");
        }

        // The simulator delivers each duplicate in the background: wait until all four deliveries have an answer.
        static JsonArray? Deliveries(ApiResponse r, string id) =>
            r.Body!.AsArray().FirstOrDefault(e => e!["id"]!.GetValue<string>() == id)?["deliveries"]?.AsArray();
        ApiResponse delivered = await app.Simulator.PollAsync("_simulator/webhooks",
            r => Deliveries(r, eventId) is { Count: 4 } all && all.All(d => d!["status_code"] is not null), EndToEndApp.Settles, "four deliveries of one event");
        Assert.All(Deliveries(delivered, eventId)!, d => Assert.Equal(200, d!["status_code"]!.GetValue<int>()));

        ApiResponse after = await app.Api.GetAsync($"payments/{paymentId}");
        Assert.Equal("approved", after.Text("status"));
        Assert.Equal(approved.Text("updated_at"), after.Text("updated_at"));
    }

    private static string Sign(string secret, long timestamp, string body)
    {
        byte[] mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"));
        return $"t={timestamp},v1={Convert.ToHexStringLower(mac)}";
    }
}
