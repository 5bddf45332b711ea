using System.Net;
using SmartRetry.EndToEnd.Hosting;

namespace SmartRetry.EndToEnd.Sales;

/// <summary>The same sale asked for again, or many times at once, is one payment and one SmartRetry charge.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class SaleIdempotencyTests(EndToEndApp app)
{
    [Fact]
    public async Task The_same_sale_twice_is_one_payment_and_another_body_under_its_id_is_409()
    {
        string merchantId = Requests.NewId("again");
        ApiResponse first = await app.Api.PostAsync("payments/sale", Requests.Sale(merchantId, 30.00m));
        ApiResponse second = await app.Api.PostAsync("payments/sale", Requests.Sale(merchantId, 30.00m));
        Assert.Equal(HttpStatusCode.Accepted, first.Status);
        Assert.Equal(HttpStatusCode.Accepted, second.Status);
        Assert.Equal(first.Text("payment_id"), second.Text("payment_id"));
        Assert.True(second.Body!["replayed"]!.GetValue<bool>());

        ApiResponse conflict = await app.Api.PostAsync("payments/sale", Requests.Sale(merchantId, 31.00m));
        Assert.Equal(HttpStatusCode.Conflict, conflict.Status);
        Assert.Equal("application/problem+json", conflict.ContentType);

        await app.Api.WaitForPaymentAsync(first.Text("payment_id"), EndToEndApp.Settles, "approved");
        Assert.Single(await app.Simulator.TransactionsAsync(merchantId));
    }

    [Fact]
    public async Task Twenty_identical_concurrent_sales_are_one_payment_and_one_charge()
    {
        string merchantId = Requests.NewId("burst");
        ApiResponse[] answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => app.Api.PostAsync("payments/sale", Requests.Sale(merchantId, 30.00m))));

        // A twin that meets the first one still scheduling may be told 409 "still being scheduled"; none may start a second payment.
        Assert.All(answers, a => Assert.True(a.Status is HttpStatusCode.Accepted or HttpStatusCode.Conflict, a.ToString()));
        string[] paymentIds = [.. answers.Where(a => a.Status == HttpStatusCode.Accepted).Select(a => a.Text("payment_id")).Distinct()];
        string paymentId = Assert.Single(paymentIds);
        await app.Api.WaitForPaymentAsync(paymentId, EndToEndApp.Settles, "approved");
        Assert.Single(await app.Simulator.TransactionsAsync(merchantId));
    }

    [Fact]
    public async Task A_bad_sale_gets_a_problem_naming_the_field_and_starts_nothing()
    {
        string merchantId = Requests.NewId("bad");
        ApiResponse bad = await app.Api.PostAsync("payments/sale", Requests.Sale(merchantId, 30.00m).Replace(Requests.CardNumber, "4111111111111112", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Equal("application/problem+json", bad.ContentType);
        Assert.NotNull(bad.Body!["errors"]!["/card/number"]);
        Assert.DoesNotContain("4111111111111112", bad.RawBody, StringComparison.Ordinal);

        ApiResponse good = await app.Api.PostAsync("payments/sale", Requests.Sale(merchantId, 30.00m));
        Assert.Equal(HttpStatusCode.Accepted, good.Status);
        Assert.False(good.Body!["replayed"]!.GetValue<bool>());
    }
}
