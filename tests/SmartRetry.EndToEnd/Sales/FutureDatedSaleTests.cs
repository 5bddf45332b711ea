using System.Net;
using SmartRetry.EndToEnd.Hosting;

namespace SmartRetry.EndToEnd.Sales;

/// <summary>A sale with <c>scheduled_at</c> waits on a durable timer in the host, and can be cancelled until it fires.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class FutureDatedSaleTests(EndToEndApp app)
{
    [Fact]
    public async Task A_future_dated_sale_is_charged_when_its_timer_fires()
    {
        string merchantId = Requests.NewId("future");
        DateTimeOffset scheduledAt = DateTimeOffset.UtcNow.AddSeconds(12);
        ApiResponse accepted = await app.Api.PostAsync("payments/sale", Requests.Sale(merchantId, 25.00m, scheduledAt));
        Assert.Equal(HttpStatusCode.Accepted, accepted.Status);
        string paymentId = accepted.Text("payment_id");

        ApiResponse waiting = await app.Api.GetAsync($"payments/{paymentId}");
        Assert.Equal("scheduled", waiting.Text("status"));
        Assert.Empty(await app.Simulator.TransactionsAsync(merchantId));

        ApiResponse approved = await app.Api.WaitForPaymentAsync(paymentId, EndToEndApp.Settles, "approved", "declined", "error");
        Assert.Equal("approved", approved.Text("status"));
        System.Text.Json.Nodes.JsonNode charged = Assert.Single(await app.Simulator.TransactionsAsync(merchantId));
        DateTimeOffset chargedAt = DateTimeOffset.Parse(charged["created_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(chargedAt >= scheduledAt, $"Charged at {chargedAt:O}, before its scheduled time {scheduledAt:O}.");
    }

    [Fact]
    public async Task A_future_dated_sale_cancelled_before_it_fires_never_reaches_SmartRetry()
    {
        string merchantId = Requests.NewId("future");
        DateTimeOffset scheduledAt = DateTimeOffset.UtcNow.AddSeconds(15);
        ApiResponse accepted = await app.Api.PostAsync("payments/sale", Requests.Sale(merchantId, 25.00m, scheduledAt));
        Assert.Equal(HttpStatusCode.Accepted, accepted.Status);
        string paymentId = accepted.Text("payment_id");

        ApiResponse cancel = await app.Api.PostAsync($"payments/{paymentId}/cancel", """{"reason": "Customer changed their mind"}""");
        Assert.Equal(HttpStatusCode.Accepted, cancel.Status);

        ApiResponse cancelled = await app.Api.WaitForPaymentAsync(paymentId, EndToEndApp.Settles, "cancelled", "approved");
        Assert.Equal("cancelled", cancelled.Text("status"));
        await app.Api.WaitForOrchestrationAsync(paymentId, "completed", EndToEndApp.Settles);

        // The cancelled timer is gone: past its time, SmartRetry has still seen nothing.
        await app.Api.PollAsync($"payments/{paymentId}", _ => DateTimeOffset.UtcNow > scheduledAt.AddSeconds(3), EndToEndApp.Settles, "the sale's scheduled time to pass");
        Assert.Empty(await app.Simulator.TransactionsAsync(merchantId));
        Assert.Equal("cancelled", (await app.Api.GetAsync($"payments/{paymentId}")).Text("status"));
    }
}
