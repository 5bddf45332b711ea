using System.Net;
using System.Text.Json;
using Moq;
using SmartRetry.Functions.Sales;
using SmartRetry.Functions.Shared.Durable;
using SmartRetry.Functions.Shared.Events;
using SmartRetry.Functions.Shared.Ledger;
using SmartRetry.Functions.Shared.Problems;
using SmartRetry.Testing.Storage;

namespace SmartRetry.Functions.Tests.Sales;

[Collection(AzuriteTests.Name)]
public sealed class SaleCancellationTests(AzuriteFixture azurite)
{
    private static readonly string PaymentId = SaleInstanceIds.For("order-42");

    [Theory]
    [MemberData(nameof(TestSales.UnknownPaymentIds), MemberType = typeof(TestSales))]
    public async Task Cancelling_an_unknown_or_malformed_payment_id_is_404(string paymentId)
    {
        var harness = new SaleHarness(azurite);

        HandlerResult<SaleCancellation> cancel = await harness.Cancellation.CancelAsync(harness.Durable, paymentId, null, CancellationToken.None);

        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
    }

    [Fact]
    public async Task A_future_dated_sale_is_cancelled_by_raising_the_cancel_event()
    {
        var harness = new SaleHarness(azurite);
        await harness.Submission.SubmitAsync(harness.Durable, TestSales.Request() with { ScheduledAt = TestSales.Now.AddDays(1) }, CancellationToken.None);
        HandlerResult<SaleCancellation> result = await harness.Cancellation.CancelAsync(harness.Durable, PaymentId, "customer changed their mind", CancellationToken.None);

        Assert.Equal(HttpStatusCode.Accepted, result.StatusCode);
        (string instanceId, string name, object? payload) = Assert.Single(harness.Durable.Raised);
        Assert.Equal((PaymentId, OrchestrationEventNames.CancelRequested), (instanceId, name));
        Assert.Equal(new CancelRequest("customer changed their mind", TestSales.Now), payload);
    }

    [Fact]
    public async Task A_sale_that_is_not_future_dated_cannot_be_cancelled()
    {
        var harness = new SaleHarness(azurite);
        await harness.Submission.SubmitAsync(harness.Durable, TestSales.Request(), CancellationToken.None);

        HandlerResult<SaleCancellation> result = await harness.Cancellation.CancelAsync(harness.Durable, PaymentId, null, CancellationToken.None);

        Assert.Equal((HttpStatusCode.Conflict, ProblemTypes.NotCancellable), (result.StatusCode, result.Problem!.Type));
        Assert.Empty(harness.Durable.Raised);
    }

    [Fact]
    public async Task A_future_dated_sale_cannot_be_cancelled_once_its_time_has_come()
    {
        var harness = new SaleHarness(azurite);
        await harness.Submission.SubmitAsync(harness.Durable, TestSales.Request() with { ScheduledAt = TestSales.Now.AddHours(1) }, CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromHours(1));

        HandlerResult<SaleCancellation> result = await harness.Cancellation.CancelAsync(harness.Durable, PaymentId, null, CancellationToken.None);

        Assert.Equal(HttpStatusCode.Conflict, result.StatusCode);
        Assert.Empty(harness.Durable.Raised);
    }

    [Fact]
    public async Task A_future_dated_sale_that_has_fired_or_finished_cannot_be_cancelled()
    {
        var harness = new SaleHarness(azurite);
        await harness.Submission.SubmitAsync(harness.Durable, TestSales.Request() with { ScheduledAt = TestSales.Now.AddDays(1) }, CancellationToken.None);
        harness.Durable.RaiseResult = (_, _) => RaiseEventResult.InstanceFinished;

        HandlerResult<SaleCancellation> finished = await harness.Cancellation.CancelAsync(harness.Durable, PaymentId, null, CancellationToken.None);
        await harness.Ledger.RecordAsync(
            new PaymentLedgerEntry(PaymentId, "order-42", PaymentKind.Sale, 49.99m, "USD", PaymentStatus.Submitted, TestSales.Now), CancellationToken.None);
        HandlerResult<SaleCancellation> fired = await harness.Cancellation.CancelAsync(harness.Durable, PaymentId, null, CancellationToken.None);

        Assert.Equal(HttpStatusCode.Conflict, finished.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, fired.StatusCode);
        Assert.Single(harness.Durable.Raised);
    }

    [Fact]
    public async Task An_overlong_cancel_reason_is_a_400_naming_the_field()
    {
        var harness = new SaleHarness(azurite);

        HandlerResult<SaleCancellation> result = await harness.Cancellation.CancelAsync(harness.Durable, PaymentId, new string('r', 201), CancellationToken.None);

        Assert.Equal(["/reason"], result.Problem!.Errors!.Keys);
    }
}
