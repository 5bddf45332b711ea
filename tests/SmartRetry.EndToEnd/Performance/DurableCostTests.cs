using System.Net;
using SmartRetry.EndToEnd.Hosting;
using Xunit.Abstractions;

namespace SmartRetry.EndToEnd.Performance;

/// <summary>
/// What one payment costs the Durable engine, read from the host's history table after the payment ran in the real
/// host: each history event is a storage row written and read back on every replay, and each wake-up is a queue
/// message. The counts are pinned here (explained event by event in docs/performance.md), so a change that adds an
/// activity to every payment fails a test instead of quietly costing every user.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class DurableCostTests(EndToEndApp app, ITestOutputHelper output) : IAsyncLifetime
{
    public Task InitializeAsync() => app.Simulator.SetTimeFactorAsync(1);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_sale_approved_by_its_webhook_costs_at_most_16_history_events()
    {
        ApiResponse accepted = await app.Api.PostAsync("payments/sale", Requests.Sale(Requests.NewId("cost"), 49.01m));
        Assert.Equal(HttpStatusCode.Accepted, accepted.Status);
        string paymentId = accepted.Text("payment_id");
        await app.Api.WaitForPaymentAsync(paymentId, EndToEndApp.Settles, "processing");
        await app.Simulator.AdvanceAsync("""{"seconds":120}""");
        await app.Api.WaitForPaymentAsync(paymentId, EndToEndApp.Settles, "approved");

        // Submit (which records "processing"), record the outcome; one poll timer raced with the approving webhook.
        await AssertCostAsync(paymentId, activities: 2, timers: 1, events: 1, atMost: 16);
    }

    [Fact]
    public async Task A_refund_SmartRetry_settles_at_once_costs_at_most_16_history_events()
    {
        string merchantId = Requests.NewId("cost");
        string saleId = (await app.Api.PostAsync("payments/sale", Requests.Sale(merchantId, 50.00m))).Text("payment_id");
        await app.Api.WaitForPaymentAsync(saleId, EndToEndApp.Settles, "approved");
        ApiResponse refund = await app.Api.PostAsync($"payments/{saleId}/refund", $$"""{"refund_id": "{{merchantId}}-rf-1", "amount": 10.00}""");
        Assert.Equal(HttpStatusCode.Accepted, refund.Status);
        string refundId = refund.Text("payment_id");
        await app.Api.WaitForPaymentAsync(refundId, EndToEndApp.Settles, "approved");

        // Submit, read the status SmartRetry settled it with, record: no timer, no event.
        await AssertCostAsync(refundId, activities: 3, timers: 0, events: 0, atMost: 16);
    }

    private async Task AssertCostAsync(string instanceId, int activities, int timers, int events, int atMost)
    {
        DurableHistory history = await DurableHistory.ReadCompletedAsync(app, instanceId, EndToEndApp.Settles);
        output.WriteLine(history.ToString());
        Assert.Equal(
            (activities, timers, events),
            (history.Count("TaskScheduled"), history.Count("TimerCreated"), history.Count("EventRaised")));
        Assert.True(history.Total <= atMost, $"Expected at most {atMost} history events; {history}");
    }
}
