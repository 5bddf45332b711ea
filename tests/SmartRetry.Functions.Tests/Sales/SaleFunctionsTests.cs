using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Moq;
using SmartRetry.Functions.Lookup;
using SmartRetry.Functions.Sales;
using SmartRetry.Functions.Shared.Durable;
using SmartRetry.Functions.Shared.Events;
using SmartRetry.Functions.Shared.Http;
using SmartRetry.Functions.Shared.Idempotency;
using SmartRetry.Functions.Shared.Ledger;
using SmartRetry.Functions.Tests.Shared.Http;

namespace SmartRetry.Functions.Tests.Sales;

public sealed class SaleFunctionsTests : IDisposable
{
    private const string ValidSale = """
        {"merchant_transaction_id":"order-42","amount":49.99,"currency":"USD",
         "card":{"number":"4111111111111111","expiry_month":7,"expiry_year":2031,"cvv":"9731","holder_name":"Jane Doe"},
         "payer":{"first_name":"Jane","last_name":"Doe","email":"jane.doe@example.com"}}
        """;

    private readonly FunctionsApp app = new();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task A_sale_is_scheduled_and_answered_202_with_location_at_its_status_route()
    {
        app.Idempotency.Setup(s => s.ClaimAsync(It.IsAny<IdempotencyRecord>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IdempotencyRecord candidate, CancellationToken _) => new IdempotencyClaim(true, candidate));
        app.Ledger.Setup(l => l.RecordAsync(It.IsAny<PaymentLedgerEntry>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
        string paymentId = SaleInstanceIds.For("order-42");

        ExecutedResponse response = await ExecutedResponse.ExecuteAsync(
            await app.Create<SaleFunctions>().Submit(FunctionsApp.Request("POST", "/api/payments/sale", ValidSale), app.DurableClient, CancellationToken.None));

        Assert.Equal(StatusCodes.Status202Accepted, response.StatusCode);
        Assert.Equal($"https://pay.example.com{PaymentRoutes.StatusPath(paymentId)}", response.Headers.Location.ToString());
        using JsonDocument json = JsonDocument.Parse(response.Body);
        Assert.Equal(paymentId, json.RootElement.GetProperty("payment_id").GetString());
        Assert.Equal(PaymentRoutes.StatusPath(paymentId), json.RootElement.GetProperty("links").GetProperty("status").GetString());
        Assert.DoesNotContain("4111111111111111", response.Body, StringComparison.Ordinal);
        Assert.Single(app.DurableClient.Scheduled, s => s.Name == nameof(SaleWorkflow) && s.InstanceId == paymentId && s.Input is SaleInput);
    }

    [Theory]
    [InlineData("""{"merchant_transaction_id":"order-42","amount":"forty"}""", "/amount")]
    [InlineData("""{"merchant_transaction_id":"order-42","amount":49.99,"currency":"USD","surprise":1}""", "/surprise")]
    [InlineData("not json", "")]
    [InlineData("", "")]
    public async Task A_bad_body_is_a_400_problem_naming_the_field_and_schedules_nothing(string body, string field)
    {
        ExecutedResponse response = await ExecutedResponse.ExecuteAsync(
            await app.Create<SaleFunctions>().Submit(FunctionsApp.Request("POST", "/api/payments/sale", body), app.DurableClient, CancellationToken.None));

        Assert.Equal(StatusCodes.Status400BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json; charset=utf-8", response.ContentType);
        using JsonDocument json = JsonDocument.Parse(response.Body);
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty(field, out _), response.Body);
        Assert.Empty(app.DurableClient.Scheduled);
    }

    [Fact]
    public async Task A_valid_json_sale_that_breaks_the_rules_is_a_400_naming_each_field()
    {
        ExecutedResponse response = await ExecutedResponse.ExecuteAsync(await app.Create<SaleFunctions>().Submit(
            FunctionsApp.Request("POST", "/api/payments/sale", """{"merchant_transaction_id":"order-42","amount":-1,"currency":"USD"}"""), app.DurableClient, CancellationToken.None));

        Assert.Equal(StatusCodes.Status400BadRequest, response.StatusCode);
        using JsonDocument json = JsonDocument.Parse(response.Body);
        JsonElement errors = json.RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("/amount", out _));
        Assert.True(errors.TryGetProperty("/card", out _));
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_413_problem_and_never_reaches_the_handler()
    {
        byte[] huge = new byte[RequestBody.MaxBytes + 1];

        ExecutedResponse response = await ExecutedResponse.ExecuteAsync(
            await app.Create<SaleFunctions>().Submit(FunctionsApp.Request("POST", "/api/payments/sale", huge), app.DurableClient, CancellationToken.None));

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, response.StatusCode);
        app.Idempotency.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task The_status_of_an_unknown_payment_is_a_404_problem()
    {
        ExecutedResponse response = await ExecutedResponse.ExecuteAsync(
            await app.Create<PaymentStatusFunction>().Get(FunctionsApp.Request("GET", "/api/payments/sale-x"), "sale-x", app.DurableClient, CancellationToken.None));

        Assert.Equal(StatusCodes.Status404NotFound, response.StatusCode);
        Assert.Equal("application/problem+json; charset=utf-8", response.ContentType);
    }

    [Fact]
    public async Task The_status_of_a_recorded_payment_is_200_with_its_ledger_row_and_no_location()
    {
        string paymentId = SaleInstanceIds.For("order-42");
        app.Ledger.Setup(l => l.GetAsync(paymentId, It.IsAny<CancellationToken>())).ReturnsAsync(new PaymentLedgerEntry(
            paymentId, "order-42", PaymentKind.Sale, 49.99m, "USD", PaymentStatus.Approved, app.Time.GetUtcNow()));

        ExecutedResponse response = await ExecutedResponse.ExecuteAsync(
            await app.Create<PaymentStatusFunction>().Get(FunctionsApp.Request("GET", PaymentRoutes.StatusPath(paymentId)), paymentId, app.DurableClient, CancellationToken.None));

        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
        Assert.False(response.Headers.ContainsKey("Location"));
        using JsonDocument json = JsonDocument.Parse(response.Body);
        Assert.Equal("approved", json.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Cancelling_a_future_dated_sale_raises_the_cancel_with_the_reason_and_answers_202()
    {
        string paymentId = SaleInstanceIds.For("order-42");
        app.Ledger.Setup(l => l.GetAsync(paymentId, It.IsAny<CancellationToken>())).ReturnsAsync(new PaymentLedgerEntry(
            paymentId, "order-42", PaymentKind.Sale, 49.99m, "USD", PaymentStatus.Scheduled, app.Time.GetUtcNow(), ScheduledAt: app.Time.GetUtcNow().AddDays(3)));

        ExecutedResponse response = await ExecutedResponse.ExecuteAsync(await app.Create<SaleFunctions>().Cancel(
            FunctionsApp.Request("POST", SaleRoutes.CancelPath(paymentId), """{"reason":"customer changed their mind"}"""), paymentId, app.DurableClient, CancellationToken.None));

        Assert.Equal(StatusCodes.Status202Accepted, response.StatusCode);
        Assert.Equal($"https://pay.example.com{PaymentRoutes.StatusPath(paymentId)}", response.Headers.Location.ToString());
        Assert.Single(app.DurableClient.Raised, r => r.InstanceId == paymentId && r.Payload is CancelRequest { Reason: "customer changed their mind" });
    }

    [Fact]
    public async Task Cancelling_a_sale_that_is_not_future_dated_is_a_409_problem()
    {
        string paymentId = SaleInstanceIds.For("order-42");
        app.Ledger.Setup(l => l.GetAsync(paymentId, It.IsAny<CancellationToken>())).ReturnsAsync(new PaymentLedgerEntry(
            paymentId, "order-42", PaymentKind.Sale, 49.99m, "USD", PaymentStatus.Submitted, app.Time.GetUtcNow()));

        ExecutedResponse response = await ExecutedResponse.ExecuteAsync(await app.Create<SaleFunctions>().Cancel(
            FunctionsApp.Request("POST", SaleRoutes.CancelPath(paymentId)), paymentId, app.DurableClient, CancellationToken.None));

        Assert.Equal(StatusCodes.Status409Conflict, response.StatusCode);
        Assert.Equal("application/problem+json; charset=utf-8", response.ContentType);
    }

    [Fact]
    public async Task A_malformed_cancel_body_is_a_400_naming_the_field()
    {
        ExecutedResponse response = await ExecutedResponse.ExecuteAsync(await app.Create<SaleFunctions>().Cancel(
            FunctionsApp.Request("POST", "/api/payments/sale-x/cancel", """{"reason":42}"""), "sale-x", app.DurableClient, CancellationToken.None));

        Assert.Equal(StatusCodes.Status400BadRequest, response.StatusCode);
        using JsonDocument json = JsonDocument.Parse(response.Body);
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty("/reason", out _));
        Assert.Equal("/api/payments/sale-x/cancel", json.RootElement.GetProperty("instance").GetString());
    }
}
