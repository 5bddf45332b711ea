using System.Net;
using SmartRetry.EndToEnd.Hosting;

namespace SmartRetry.EndToEnd.Refunds;

/// <summary>Refunds of an approved sale: partial, then the rest, and never more than the sale.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class RefundTests(EndToEndApp app)
{
    [Fact]
    public async Task A_sale_is_refunded_in_part_then_in_full_and_an_over_refund_is_refused()
    {
        string merchantId = Requests.NewId("order");
        ApiResponse sale = await app.Api.PostAsync("payments/sale", Requests.Sale(merchantId, 50.00m));
        string paymentId = sale.Text("payment_id");
        await app.Api.WaitForPaymentAsync(paymentId, EndToEndApp.Settles, "approved");

        ApiResponse partial = await app.Api.PostAsync($"payments/{paymentId}/refund", $$"""{"refund_id": "{{merchantId}}-rf-1", "amount": 20.00, "reason": "Damaged in transit"}""");
        Assert.Equal(HttpStatusCode.Accepted, partial.Status);
        ApiResponse partialDone = await app.Api.WaitForPaymentAsync(partial.Text("payment_id"), EndToEndApp.Settles, "approved", "declined", "error");
        Assert.Equal("approved", partialDone.Text("status"));
        Assert.Equal(paymentId, partialDone.Text("original_payment_id"));

        ApiResponse tooMuch = await app.Api.PostAsync($"payments/{paymentId}/refund", $$"""{"refund_id": "{{merchantId}}-rf-2", "amount": 40.00}""");
        Assert.Equal(HttpStatusCode.BadRequest, tooMuch.Status);
        Assert.Equal("application/problem+json", tooMuch.ContentType);
        Assert.NotNull(tooMuch.Body!["errors"]!["/amount"]);

        ApiResponse rest = await app.Api.PostAsync($"payments/{paymentId}/refund", $$"""{"refund_id": "{{merchantId}}-rf-3"}""");
        Assert.Equal(HttpStatusCode.Accepted, rest.Status);
        ApiResponse restDone = await app.Api.WaitForPaymentAsync(rest.Text("payment_id"), EndToEndApp.Settles, "approved", "declined", "error");
        Assert.Equal("approved", restDone.Text("status"));
        Assert.Equal(30.00m, restDone.Body!["amount"]!.GetValue<decimal>());

        ApiResponse afterFull = await app.Api.PostAsync($"payments/{paymentId}/refund", $$"""{"refund_id": "{{merchantId}}-rf-4", "amount": 1.00}""");
        Assert.Equal(HttpStatusCode.Conflict, afterFull.Status);

        Assert.Equal(50.00m, (await app.Api.GetAsync($"payments/{paymentId}")).Body!["refunds_reserved"]!.GetValue<decimal>());
        IReadOnlyList<decimal> refunded = [.. (await app.Simulator.GetAsync("_simulator/transactions")).Body!.AsArray()
            .Where(t => t!["type"]!.GetValue<string>() == "refund" && t["merchant_transaction_id"]!.GetValue<string>().StartsWith(merchantId, StringComparison.Ordinal))
            .Select(t => t!["amount"]!.GetValue<decimal>()).Order()];
        Assert.Equal([20.00m, 30.00m], refunded);
    }
}
