using System.Net;
using System.Text.Json;
using Moq;
using SmartRetry.Payments.Cards;
using SmartRetry.Payments.Ledger;
using SmartRetry.Payments.Problems;
using SmartRetry.Payments.Recurring;
using SmartRetry.Payments.Recurring.Requests;
using SmartRetry.Payments.Sales;
using SmartRetry.Payments.Status;
using SmartRetry.Payments.Workflows;
using SmartRetry.Payments.Workflows.Events;
using SmartRetry.Testing.Storage;

namespace SmartRetry.Payments.Tests.Sales;

[Collection(AzuriteTests.Name)]
public sealed class SaleStatusAndCancellationTests(AzuriteFixture azurite)
{
    private static readonly string PaymentId = SaleInstanceIds.For("order-42");

    [Theory]
    [InlineData("sale-00000000000000000000000000000000")]
    [InlineData("refund-00000000000000000000000000000000")]
    [InlineData("not-a-sale")]
    [InlineData("")]
    public async Task An_unknown_or_malformed_payment_id_is_404(string paymentId)
    {
        var harness = new SaleHarness(azurite);

        HandlerResult<PaymentView> status = await harness.Status.GetAsync(harness.Workflows.Object, paymentId, CancellationToken.None);
        HandlerResult<SaleCancellation> cancel = await harness.Cancellation.CancelAsync(harness.Workflows.Object, paymentId, null, CancellationToken.None);

        Assert.Equal((HttpStatusCode.NotFound, ProblemTypes.NotFound), (status.StatusCode, status.Problem!.Type));
        Assert.Equal("No payment has this id.", status.Problem.Detail);
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
    }

    [Fact]
    public async Task Status_combines_the_ledger_and_the_workflow_without_the_card_token()
    {
        var harness = new SaleHarness(azurite);
        await harness.Submission.SubmitAsync(harness.Workflows.Object, TestSales.Request(), CancellationToken.None);
        await harness.Ledger.RecordAsync(
            new PaymentLedgerEntry(PaymentId, "order-42", PaymentKind.Sale, 49.99m, "USD", PaymentStatus.Processing, TestSales.Now, "TX8A3F2C",
                AttemptNumber: 2, Card: new CardSummary("secret-token", "1111", "411111", "visa")),
            CancellationToken.None);
        harness.Workflows.Setup(w => w.GetInstanceAsync(PaymentId, It.IsAny<CancellationToken>())).ReturnsAsync(new WorkflowInstance(
            PaymentId, SaleWorkflowNames.Workflow, WorkflowRuntimeStatus.Running, TestSales.Now, TestSales.Now, null, "{\"stage\":\"waiting\"}", null));

        HandlerResult<PaymentView> result = await harness.Status.GetAsync(harness.Workflows.Object, PaymentId, CancellationToken.None);

        PaymentView status = result.Body!;
        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        Assert.Equal((PaymentStatus.Processing, "TX8A3F2C", 2, 49.99m), (status.Status!.Value, status.TransactionId, status.AttemptNumber!.Value, status.Amount!.Value));
        Assert.Equal(new PaymentCardDisplay("1111", "visa"), status.Card);
        Assert.Equal(WorkflowRuntimeStatus.Running, status.Workflow!.RuntimeStatus);
        Assert.Equal("waiting", status.Workflow.CustomStatus!.Value.GetProperty("stage").GetString());
        Assert.DoesNotContain("secret-token", JsonSerializer.Serialize(status, Serialization.PaymentsJson.Options), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_recurring_charge_row_is_read_by_its_payment_id_with_its_due_date()
    {
        var harness = new SaleHarness(azurite);
        string chargeId = $"{RecurringWorkflowNames.CycleInstanceId(RecurringSeriesIds.For("sub-42"), 2)}-a1";
        var dueAt = new DateTimeOffset(2026, 12, 31, 0, 0, 0, TimeSpan.Zero);
        await harness.Ledger.RecordAsync(
            new PaymentLedgerEntry(chargeId, RecurringSeriesIds.For("sub-42"), PaymentKind.RecurringCharge, 9m, "USD", PaymentStatus.Approved, TestSales.Now, "TX000002", AttemptNumber: 1, ScheduledAt: dueAt),
            CancellationToken.None);

        HandlerResult<PaymentView> result = await harness.Status.GetAsync(harness.Workflows.Object, chargeId, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        Assert.Equal((PaymentStatus.Approved, dueAt, "TX000002"), (result.Body!.Status!.Value, result.Body.ScheduledAt!.Value, result.Body.TransactionId));
        Assert.Null(result.Body.Workflow);
    }

    [Fact]
    public async Task A_future_dated_sale_is_cancelled_by_raising_the_cancel_event()
    {
        var harness = new SaleHarness(azurite);
        await harness.Submission.SubmitAsync(harness.Workflows.Object, TestSales.Request() with { ScheduledAt = TestSales.Now.AddDays(1) }, CancellationToken.None);
        harness.Workflows
            .Setup(w => w.RaiseEventAsync(PaymentId, WorkflowEventNames.CancelRequested, It.IsAny<object?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(RaiseEventResult.Raised);

        HandlerResult<SaleCancellation> result = await harness.Cancellation.CancelAsync(harness.Workflows.Object, PaymentId, "customer changed their mind", CancellationToken.None);

        Assert.Equal(HttpStatusCode.Accepted, result.StatusCode);
        harness.Workflows.Verify(w => w.RaiseEventAsync(
            PaymentId,
            WorkflowEventNames.CancelRequested,
            It.Is<object?>(o => o is CancelRequest && ((CancelRequest)o).Reason == "customer changed their mind" && ((CancelRequest)o).RequestedAt == TestSales.Now),
            It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_sale_that_is_not_future_dated_cannot_be_cancelled()
    {
        var harness = new SaleHarness(azurite);
        await harness.Submission.SubmitAsync(harness.Workflows.Object, TestSales.Request(), CancellationToken.None);

        HandlerResult<SaleCancellation> result = await harness.Cancellation.CancelAsync(harness.Workflows.Object, PaymentId, null, CancellationToken.None);

        Assert.Equal((HttpStatusCode.Conflict, ProblemTypes.NotCancellable), (result.StatusCode, result.Problem!.Type));
        harness.Workflows.Verify(w => w.RaiseEventAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_future_dated_sale_cannot_be_cancelled_once_its_time_has_come()
    {
        var harness = new SaleHarness(azurite);
        await harness.Submission.SubmitAsync(harness.Workflows.Object, TestSales.Request() with { ScheduledAt = TestSales.Now.AddHours(1) }, CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromHours(1));

        HandlerResult<SaleCancellation> result = await harness.Cancellation.CancelAsync(harness.Workflows.Object, PaymentId, null, CancellationToken.None);

        Assert.Equal(HttpStatusCode.Conflict, result.StatusCode);
        harness.Workflows.Verify(w => w.RaiseEventAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_future_dated_sale_that_has_fired_or_finished_cannot_be_cancelled()
    {
        var harness = new SaleHarness(azurite);
        await harness.Submission.SubmitAsync(harness.Workflows.Object, TestSales.Request() with { ScheduledAt = TestSales.Now.AddDays(1) }, CancellationToken.None);
        harness.Workflows
            .Setup(w => w.RaiseEventAsync(PaymentId, WorkflowEventNames.CancelRequested, It.IsAny<object?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(RaiseEventResult.InstanceFinished);

        HandlerResult<SaleCancellation> finished = await harness.Cancellation.CancelAsync(harness.Workflows.Object, PaymentId, null, CancellationToken.None);
        await harness.Ledger.RecordAsync(
            new PaymentLedgerEntry(PaymentId, "order-42", PaymentKind.Sale, 49.99m, "USD", PaymentStatus.Submitted, TestSales.Now), CancellationToken.None);
        HandlerResult<SaleCancellation> fired = await harness.Cancellation.CancelAsync(harness.Workflows.Object, PaymentId, null, CancellationToken.None);

        Assert.Equal(HttpStatusCode.Conflict, finished.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, fired.StatusCode);
        harness.Workflows.Verify(w => w.RaiseEventAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object?>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task An_overlong_cancel_reason_is_a_400_naming_the_field()
    {
        var harness = new SaleHarness(azurite);

        HandlerResult<SaleCancellation> result = await harness.Cancellation.CancelAsync(harness.Workflows.Object, PaymentId, new string('r', 201), CancellationToken.None);

        Assert.Equal(["/reason"], result.Problem!.Errors!.Keys);
    }
}
