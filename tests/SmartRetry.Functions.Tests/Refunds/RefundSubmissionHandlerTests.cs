using System.Net;
using SmartRetry.Functions.Lookup;
using SmartRetry.Functions.Refunds;
using SmartRetry.Functions.Shared.Durable;
using SmartRetry.Functions.Shared.Http;
using SmartRetry.Functions.Shared.Idempotency;
using SmartRetry.Functions.Shared.Ledger;
using SmartRetry.Functions.Shared.Problems;
using SmartRetry.Functions.Tests.Shared.Storage;
using SmartRetry.Testing.Storage;

namespace SmartRetry.Functions.Tests.Refunds;

[Collection(AzuriteTests.Name)]
public sealed class RefundSubmissionHandlerTests(AzuriteFixture azurite)
{
    private static readonly string SalePaymentId = RefundHarness.SalePaymentId;
    private static readonly string RefundPaymentId = RefundInstanceIds.For(SalePaymentId, "rf-1");

    [Fact]
    public async Task A_partial_refund_of_an_approved_sale_is_reserved_recorded_and_scheduled()
    {
        var harness = new RefundHarness(azurite);
        await harness.RecordSaleAsync();

        HandlerResult<RefundAccepted> result = await harness.RefundAsync("""{"refund_id":"rf-1","amount":12.50,"reason":"damaged"}""");

        Assert.Equal(HttpStatusCode.Accepted, result.StatusCode);
        Assert.Equal(
            new RefundAccepted(RefundPaymentId, SalePaymentId, "rf-1", 12.50m, "USD", PaymentStatus.Scheduled, Replayed: false,
                new RefundLinks(PaymentRoutes.StatusPath(RefundPaymentId), PaymentRoutes.StatusPath(SalePaymentId))),
            result.Body);
        Assert.Equal(
            new RefundInput(RefundPaymentId, SalePaymentId, "rf-1", "TX8A3F2C", "OR7B9E1D", 12.50m, "USD", harness.Tracking.Policy, "damaged"),
            harness.SingleScheduledInput());
        PaymentLedgerEntry? entry = await harness.Ledger.GetAsync(RefundPaymentId, CancellationToken.None);
        Assert.Equal((PaymentKind.Refund, PaymentStatus.Scheduled, 12.50m, SalePaymentId), (entry!.Kind, entry.Status, entry.Amount, entry.OriginalPaymentId));
        Assert.Equal(12.50m, await harness.Reservations.GetReservedAsync(SalePaymentId, CancellationToken.None));
        Assert.Equal(IdempotencyState.Completed, (await harness.Idempotency.GetAsync(RefundPaymentId, CancellationToken.None))!.State);
        Assert.NotEmpty(harness.Logs.GetSnapshot());
        Assert.DoesNotContain(harness.Logs.GetSnapshot(), log => log.Message.Contains("damaged", StringComparison.Ordinal)
            || (log.StructuredState ?? []).Any(pair => pair.Value?.Contains("damaged", StringComparison.Ordinal) == true));
    }

    [Fact]
    public async Task Without_an_amount_the_rest_of_the_original_is_refunded()
    {
        var harness = new RefundHarness(azurite);
        await harness.RecordSaleAsync();
        await harness.RefundAsync("""{"refund_id":"rf-0","amount":10}""");

        HandlerResult<RefundAccepted> rest = await harness.RefundAsync("""{"refund_id":"rf-1"}""");

        Assert.Equal(39.99m, rest.Body!.Amount);
        Assert.Equal(49.99m, await harness.Reservations.GetReservedAsync(SalePaymentId, CancellationToken.None));
    }

    [Fact]
    public async Task The_same_request_again_gets_the_same_answer_and_nothing_new_happens()
    {
        var harness = new RefundHarness(azurite);
        await harness.RecordSaleAsync();
        HandlerResult<RefundAccepted> first = await harness.RefundAsync("""{"refund_id":"rf-1","amount":12.5}""");

        HandlerResult<RefundAccepted> again = await harness.RefundAsync("""{ "amount": 12.50, "refund_id": "rf-1" }""");

        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal(first.Body! with { Replayed = true }, again.Body);
        Assert.Single(harness.Scheduled);
        Assert.Equal(12.50m, await harness.Reservations.GetReservedAsync(SalePaymentId, CancellationToken.None));
    }

    [Fact]
    public async Task The_same_refund_id_with_another_body_is_a_409_and_changes_nothing()
    {
        var harness = new RefundHarness(azurite);
        await harness.RecordSaleAsync();
        await harness.RefundAsync("""{"refund_id":"rf-1","amount":12.50}""");

        HandlerResult<RefundAccepted> other = await harness.RefundAsync("""{"refund_id":"rf-1","amount":13.00}""");

        Assert.Equal((HttpStatusCode.Conflict, ProblemTypes.IdempotencyConflict), (other.StatusCode, other.Problem!.Type));
        Assert.Single(harness.Scheduled);
        Assert.Equal(12.50m, await harness.Reservations.GetReservedAsync(SalePaymentId, CancellationToken.None));
    }

    [Fact]
    public async Task Concurrent_partial_refunds_never_exceed_the_original()
    {
        var harness = new RefundHarness(azurite);
        await harness.RecordSaleAsync();

        HandlerResult<RefundAccepted>[] results = await Task.WhenAll(
            Enumerable.Range(1, 8).Select(i => harness.RefundAsync($$"""{"refund_id":"rf-{{i}}","amount":10}""")));

        Assert.Equal(4, results.Count(r => r.StatusCode == HttpStatusCode.Accepted));
        Assert.All(results.Where(r => !r.IsSuccess), r => Assert.Contains("/amount", r.Problem!.Errors!.Keys));
        Assert.Equal(4, harness.Scheduled.Count);
        Assert.Equal(40m, await harness.Reservations.GetReservedAsync(SalePaymentId, CancellationToken.None));
    }

    [Fact]
    public async Task An_amount_above_what_is_left_is_a_400_on_amount_and_its_refund_id_stays_free()
    {
        var harness = new RefundHarness(azurite);
        await harness.RecordSaleAsync();
        await harness.RefundAsync("""{"refund_id":"rf-0","amount":40}""");

        HandlerResult<RefundAccepted> tooMuch = await harness.RefundAsync("""{"refund_id":"rf-1","amount":10}""");
        HandlerResult<RefundAccepted> corrected = await harness.RefundAsync("""{"refund_id":"rf-1","amount":9.99}""");

        Assert.Equal(HttpStatusCode.BadRequest, tooMuch.StatusCode);
        Assert.Contains("9.99 USD", Assert.Single(tooMuch.Problem!.Errors!["/amount"]), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, corrected.StatusCode);
    }

    [Fact]
    public async Task A_fully_refunded_payment_is_a_409()
    {
        var harness = new RefundHarness(azurite);
        await harness.RecordSaleAsync();
        await harness.RefundAsync("""{"refund_id":"rf-0"}""");

        HandlerResult<RefundAccepted> more = await harness.RefundAsync("""{"refund_id":"rf-1","amount":1}""");

        Assert.Equal((HttpStatusCode.Conflict, ProblemTypes.NotRefundable), (more.StatusCode, more.Problem!.Type));
        Assert.Single(harness.Scheduled);
    }

    [Theory]
    [InlineData(PaymentStatus.Processing)]
    [InlineData(PaymentStatus.Declined)]
    [InlineData(PaymentStatus.NeedsAttention)]
    public async Task A_payment_that_is_not_approved_is_a_409(PaymentStatus status)
    {
        var harness = new RefundHarness(azurite);
        await harness.RecordSaleAsync(status);

        HandlerResult<RefundAccepted> result = await harness.RefundAsync("""{"refund_id":"rf-1"}""");

        Assert.Equal((HttpStatusCode.Conflict, ProblemTypes.NotRefundable), (result.StatusCode, result.Problem!.Type));
        Assert.Contains(status.ToString(), result.Problem.Detail, StringComparison.Ordinal);
        Assert.Empty(harness.Scheduled);
    }

    [Fact]
    public async Task A_refund_cannot_be_refunded()
    {
        var harness = new RefundHarness(azurite);
        await harness.RecordSaleAsync();
        await harness.RefundAsync("""{"refund_id":"rf-1","amount":5}""");
        await harness.Ledger.RecordAsync(
            new PaymentLedgerEntry(RefundPaymentId, "rf-1", PaymentKind.Refund, 5m, "USD", PaymentStatus.Approved, harness.Time.GetUtcNow(), "TXREF001", "OR7B9E1D"),
            CancellationToken.None);

        HandlerResult<RefundAccepted> result = await harness.RefundAsync("""{"refund_id":"rf-2"}""", RefundPaymentId);

        Assert.Equal((HttpStatusCode.Conflict, ProblemTypes.NotRefundable), (result.StatusCode, result.Problem!.Type));
        Assert.Single(harness.Scheduled);
    }

    [Fact]
    public async Task An_unknown_payment_is_a_404()
    {
        var harness = new RefundHarness(azurite);

        HandlerResult<RefundAccepted> result = await harness.RefundAsync("""{"refund_id":"rf-1"}""", "sale-unknown");

        Assert.Equal((HttpStatusCode.NotFound, "/api/payments/sale-unknown/refund"), (result.StatusCode, result.Problem!.Instance));
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("[]", "")]
    [InlineData("""{"amount":5}""", "/refund_id")]
    [InlineData("""{"refund_id":"  "}""", "/refund_id")]
    [InlineData("""{"refund_id":"order-42"}""", "/refund_id")]
    [InlineData("""{"refund_id":"rf-1","amount":0}""", "/amount")]
    [InlineData("""{"refund_id":"rf-1","amount":-5}""", "/amount")]
    [InlineData("""{"refund_id":"rf-1","amount":12.505}""", "/amount")]
    [InlineData("""{"refund_id":"rf-1","amount":true}""", "/amount")]
    [InlineData("""{"refund_id":"rf-1","reason":"a\u0007b"}""", "/reason")]
    [InlineData("""{"refund_id":"rf-1","surprise":true}""", "/surprise")]
    public async Task Bad_input_is_a_400_naming_the_field_and_changes_nothing(string body, string field)
    {
        var harness = new RefundHarness(azurite);
        await harness.RecordSaleAsync();

        HandlerResult<RefundAccepted> result = await harness.RefundAsync(body);

        Assert.Equal((HttpStatusCode.BadRequest, ProblemTypes.InvalidRequest), (result.StatusCode, result.Problem!.Type));
        Assert.True(result.Problem.Errors!.ContainsKey(field), string.Join(", ", result.Problem.Errors.Keys));
        Assert.Empty(harness.Scheduled);
        Assert.Equal(0m, await harness.Reservations.GetReservedAsync(SalePaymentId, CancellationToken.None));
    }

    [Fact]
    public async Task Decimals_follow_the_originals_currency()
    {
        var harness = new RefundHarness(azurite);
        await harness.RecordSaleAsync(currency: "JPY");

        HandlerResult<RefundAccepted> result = await harness.RefundAsync("""{"refund_id":"rf-1","amount":10.5}""");

        Assert.Contains("JPY allows at most 0 decimal places.", result.Problem!.Errors!["/amount"]);
    }

    [Fact]
    public async Task The_refund_reads_back_through_the_payment_status_route_linked_to_its_original()
    {
        var harness = new RefundHarness(azurite);
        await harness.RecordSaleAsync();
        await harness.RefundAsync("""{"refund_id":"rf-1","amount":12.50}""");

        var statusHandler = new PaymentStatusHandler(harness.Ledger, harness.Reservations, TestTables.Unresolved(harness.Tables, TimeProvider.System));
        HandlerResult<PaymentView> status = await statusHandler.GetAsync(harness.Durable, RefundPaymentId, CancellationToken.None);
        HandlerResult<PaymentView> original = await statusHandler.GetAsync(harness.Durable, SalePaymentId, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Equal((PaymentKind.Refund, SalePaymentId, 12.50m, PaymentStatus.Scheduled, "rf-1"),
            (status.Body!.Kind, status.Body.OriginalPaymentId, status.Body.Amount, status.Body.Status, status.Body.MerchantTransactionId));
        Assert.Null(status.Body.RefundsReserved);
        Assert.Equal((PaymentKind.Sale, 12.50m), (original.Body!.Kind, original.Body.RefundsReserved));
    }
}
