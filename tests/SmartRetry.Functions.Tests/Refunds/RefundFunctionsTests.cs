using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Moq;
using SmartRetry.Functions.Refunds;
using SmartRetry.Functions.Shared.Durable;
using SmartRetry.Functions.Shared.Http;
using SmartRetry.Functions.Shared.Idempotency;
using SmartRetry.Functions.Shared.Ledger;
using SmartRetry.Functions.Shared.Problems;
using SmartRetry.Functions.Tests.Shared.Http;

namespace SmartRetry.Functions.Tests.Refunds;

public sealed class RefundFunctionsTests : IDisposable
{
    private readonly FunctionsApp app = new();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task A_refund_is_reserved_scheduled_and_answered_202_with_location_at_the_refunds_status_route()
    {
        string paymentId = SaleInstanceIds.For("order-42");
        string refundPaymentId = RefundInstanceIds.For(paymentId, "rf-1");
        ApprovedSale(paymentId);
        app.Idempotency.Setup(s => s.ClaimAsync(It.IsAny<IdempotencyRecord>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IdempotencyRecord candidate, CancellationToken _) => new IdempotencyClaim(true, candidate));
        app.RefundReservations.Setup(r => r.ReserveAsync(paymentId, 49.99m, refundPaymentId, 12.50m, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new RefundReservation(RefundReservationOutcome.Reserved, 12.50m, 37.49m));

        ExecutedResponse response = await ExecutedResponse.ExecuteAsync(await app.Create<RefundFunctions>().Refund(
            FunctionsApp.Request("POST", RefundRoutes.SubmitPath(paymentId), """{"refund_id":"rf-1","amount":12.50}"""), paymentId, app.DurableClient, CancellationToken.None));

        Assert.Equal(StatusCodes.Status202Accepted, response.StatusCode);
        Assert.Equal($"https://pay.example.com{PaymentRoutes.StatusPath(refundPaymentId)}", response.Headers.Location.ToString());
        using JsonDocument json = JsonDocument.Parse(response.Body);
        Assert.Equal(refundPaymentId, json.RootElement.GetProperty("payment_id").GetString());
        Assert.Equal(paymentId, json.RootElement.GetProperty("original_payment_id").GetString());
        Assert.Equal(12.50m, json.RootElement.GetProperty("amount").GetDecimal());
        Assert.Single(app.DurableClient.Scheduled, s => s.Name == nameof(RefundWorkflow) && s.InstanceId == refundPaymentId && s.Input is RefundInput);
    }

    [Theory]
    [InlineData("""{"amount":5}""", "/refund_id")]
    [InlineData("""{"refund_id":"rf-1","amount":0}""", "/amount")]
    [InlineData("""{"refund_id":"rf-1","amount":100}""", "/amount")]
    [InlineData("""{"refund_id":"rf-1","extra":1}""", "/extra")]
    [InlineData("", "")]
    public async Task A_bad_refund_body_is_a_400_problem_naming_the_field_and_schedules_nothing(string body, string field)
    {
        string paymentId = SaleInstanceIds.For("order-42");
        ApprovedSale(paymentId);
        app.Idempotency.Setup(s => s.ClaimAsync(It.IsAny<IdempotencyRecord>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IdempotencyRecord candidate, CancellationToken _) => new IdempotencyClaim(true, candidate));
        app.RefundReservations.Setup(r => r.ReserveAsync(paymentId, 49.99m, It.IsAny<string>(), 100m, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new RefundReservation(RefundReservationOutcome.ExceedsRemaining, 0, 49.99m));

        ExecutedResponse response = await ExecutedResponse.ExecuteAsync(await app.Create<RefundFunctions>().Refund(
            FunctionsApp.Request("POST", RefundRoutes.SubmitPath(paymentId), body), paymentId, app.DurableClient, CancellationToken.None));

        Assert.Equal(StatusCodes.Status400BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json; charset=utf-8", response.ContentType);
        using JsonDocument json = JsonDocument.Parse(response.Body);
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty(field, out _), response.Body);
        Assert.Equal(RefundRoutes.SubmitPath(paymentId), json.RootElement.GetProperty("instance").GetString());
        Assert.Empty(app.DurableClient.Scheduled);
    }

    [Fact]
    public async Task Refunding_an_unknown_payment_is_a_404_problem()
    {
        ExecutedResponse response = await ExecutedResponse.ExecuteAsync(await app.Create<RefundFunctions>().Refund(
            FunctionsApp.Request("POST", "/api/payments/sale-x/refund", """{"refund_id":"rf-1"}"""), "sale-x", app.DurableClient, CancellationToken.None));

        Assert.Equal(StatusCodes.Status404NotFound, response.StatusCode);
        Assert.Equal("application/problem+json; charset=utf-8", response.ContentType);
    }

    [Theory]
    [InlineData(PaymentKind.Sale, PaymentStatus.Declined)]
    [InlineData(PaymentKind.Refund, PaymentStatus.Approved)]
    public async Task Refunding_a_payment_that_is_not_an_approved_sale_is_a_409_problem(PaymentKind kind, PaymentStatus status)
    {
        string paymentId = SaleInstanceIds.For("order-42");
        app.Ledger.Setup(l => l.GetAsync(paymentId, It.IsAny<CancellationToken>())).ReturnsAsync(new PaymentLedgerEntry(
            paymentId, "order-42", kind, 49.99m, "USD", status, app.Time.GetUtcNow(), "TX8A3F2C", "OR7B9E1D"));

        ExecutedResponse response = await ExecutedResponse.ExecuteAsync(await app.Create<RefundFunctions>().Refund(
            FunctionsApp.Request("POST", RefundRoutes.SubmitPath(paymentId), """{"refund_id":"rf-1"}"""), paymentId, app.DurableClient, CancellationToken.None));

        Assert.Equal(StatusCodes.Status409Conflict, response.StatusCode);
        using JsonDocument json = JsonDocument.Parse(response.Body);
        Assert.Equal(ProblemTypes.NotRefundable, json.RootElement.GetProperty("type").GetString());
    }

    private void ApprovedSale(string paymentId)
    {
        app.Ledger.Setup(l => l.GetAsync(paymentId, It.IsAny<CancellationToken>())).ReturnsAsync(new PaymentLedgerEntry(
            paymentId, "order-42", PaymentKind.Sale, 49.99m, "USD", PaymentStatus.Approved, app.Time.GetUtcNow(), "TX8A3F2C", "OR7B9E1D"));
        app.Ledger.Setup(l => l.RecordAsync(It.IsAny<PaymentLedgerEntry>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
    }
}
