using System.Net;
using SmartRetry.EndToEnd.Hosting;
using Xunit.Abstractions;

namespace SmartRetry.EndToEnd.Performance;

/// <summary>
/// What one payment costs the Durable engine, read from the host's history table after the payment ran in the real
/// host: each history event is a storage row written and read back on every replay, and each wake-up is a queue
/// message. The counts are pinned here (explained event by event in docs/performance.md), so a change that adds a
/// step to every payment fails a test instead of quietly costing every user.
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

        DurableHistory history = await DurableHistory.ReadCompletedAsync(app, paymentId, EndToEndApp.Settles);
        output.WriteLine(history.ToString());

        // Submit (which records "processing"), record the outcome; one poll timer raced with the approving webhook.
        Assert.Equal(2, history.Count("TaskScheduled"));
        Assert.Equal(1, history.Count("TimerCreated"));
        Assert.Equal(1, history.Count("EventRaised"));
        Assert.True(history.Total <= 16, $"A sale approved by its webhook should cost at most 16 history events; {history}");
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

        DurableHistory history = await DurableHistory.ReadCompletedAsync(app, refundId, EndToEndApp.Settles);
        output.WriteLine(history.ToString());

        // Submit, read the status SmartRetry settled it with, record: no timer, no event.
        Assert.Equal(3, history.Count("TaskScheduled"));
        Assert.Equal(0, history.Count("TimerCreated"));
        Assert.Equal(0, history.Count("EventRaised"));
        Assert.True(history.Total <= 16, $"A refund settled in SmartRetry's answer should cost at most 16 history events; {history}");
    }
}
