using System.Net;
using SmartRetry.EndToEnd.Hosting;

namespace SmartRetry.EndToEnd.Sales;

/// <summary>The walkthrough's sales (docs/http-api.md), step by step, with the simulator's clock slowed to real time.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class SaleFlowTests(EndToEndApp app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.Simulator.SetTimeFactorAsync(1);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_sale_goes_processing_then_approved_by_the_webhook()
    {
        string merchantId = Requests.NewId("demo");
        ApiResponse accepted = await app.Api.PostAsync("payments/sale", Requests.Sale(merchantId, 49.01m));
        Assert.Equal(HttpStatusCode.Accepted, accepted.Status);
        string paymentId = accepted.Text("payment_id");
        Assert.EndsWith($"/api/payments/{paymentId}", accepted.Headers.Location!.ToString(), StringComparison.Ordinal);

        ApiResponse processing = await app.Api.WaitForPaymentAsync(paymentId, EndToEndApp.Settles, "processing");
        string transactionId = processing.Text("transaction_id");
        await app.Simulator.PollAsync(
            "_simulator/webhooks",
            r => r.Body!.AsArray().Any(e => e!["type"]!.GetValue<string>() == "transaction.pending"
                && e["payload"]!["data"]!["transaction_id"]!.GetValue<string>() == transactionId
                && e["deliveries"]!.AsArray().Any(d => d!["status_code"]?.GetValue<int>() == 200)),
            EndToEndApp.Settles,
            "transaction.pending delivered to the app");

        await app.Simulator.AdvanceAsync("""{"seconds":120}""");

        ApiResponse approved = await app.Api.WaitForPaymentAsync(paymentId, EndToEndApp.Settles, "approved", "declined", "error", "unknown");
        Assert.Equal("approved", approved.Text("status"));
        Assert.Equal("AUTH.APPROVED", approved.Text("reason_code"));
        Assert.Equal(transactionId, approved.Text("transaction_id"));
        Assert.DoesNotContain(Requests.CardNumber, approved.RawBody, StringComparison.Ordinal);
        Assert.Single(await app.Simulator.TransactionsAsync(merchantId));
    }

    [Fact]
    public async Task SmartRetry_retries_a_soft_decline_and_the_sale_ends_approved_on_attempt_3()
    {
        string merchantId = Requests.NewId("demo");
        ApiResponse accepted = await app.Api.PostAsync("payments/sale", Requests.Sale(merchantId, 49.10m));
        Assert.Equal(HttpStatusCode.Accepted, accepted.Status);
        string paymentId = accepted.Text("payment_id");
        ApiResponse processing = await app.Api.WaitForPaymentAsync(paymentId, EndToEndApp.Settles, "processing");
        string transactionId = processing.Text("transaction_id");

        await app.Simulator.AdvanceAsync("""{"days":2}""");

        ApiResponse approved = await app.Api.WaitForPaymentAsync(paymentId, EndToEndApp.Settles, "approved", "declined", "error", "unknown");
        Assert.Equal("approved", approved.Text("status"));
        Assert.Equal(3, approved.Body!["attempt_number"]!.GetValue<int>());
        IReadOnlyList<string> events = [.. (await app.Simulator.WebhooksAsync(e => e["payload"]!["data"]!["transaction_id"]?.GetValue<string>() == transactionId))
            .Select(e => e["type"]!.GetValue<string>())];
        Assert.Equal(2, events.Count(e => e == "transaction.retry_attempted"));
        Assert.Equal("transaction.retry_scheduled", events[0]);
        Assert.Equal("transaction.approved", events[^1]);
        Assert.Equal(2, approved.Body!["workflow"]!["custom_status"]!["retries_attempted"]!.GetValue<int>());
        Assert.Single(await app.Simulator.TransactionsAsync(merchantId));
    }

    [Fact]
    public async Task A_hard_decline_ends_declined_with_its_reason()
    {
        string merchantId = Requests.NewId("demo");
        ApiResponse accepted = await app.Api.PostAsync("payments/sale", Requests.Sale(merchantId, 49.30m));
        Assert.Equal(HttpStatusCode.Accepted, accepted.Status);

        ApiResponse declined = await app.Api.WaitForPaymentAsync(accepted.Text("payment_id"), EndToEndApp.Settles, "approved", "declined", "error", "unknown");
        Assert.Equal("declined", declined.Text("status"));
        Assert.Equal("PAYMENT_METHOD.EXPIRED_CARD", declined.Text("reason_code"));
        Assert.Single(await app.Simulator.TransactionsAsync(merchantId));
    }

    [Fact]
    public async Task A_sale_SmartRetry_refuses_ends_in_error_with_its_reason_and_no_transaction()
    {
        string merchantId = Requests.NewId("demo");
        ApiResponse accepted = await app.Api.PostAsync("payments/sale", Requests.Sale(merchantId, 49.40m));
        Assert.Equal(HttpStatusCode.Accepted, accepted.Status);

        ApiResponse refused = await app.Api.WaitForPaymentAsync(accepted.Text("payment_id"), EndToEndApp.Settles, "approved", "declined", "error", "needs_attention", "deadline_reached");
        Assert.Equal("error", refused.Text("status"));
        Assert.Equal("PROVIDER_POLICY_VIOLATION", refused.Text("reason_code"));
        Assert.Empty(await app.Simulator.TransactionsAsync(merchantId));
    }
}
