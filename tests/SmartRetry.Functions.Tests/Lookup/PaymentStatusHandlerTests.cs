using System.Net;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using Moq;
using SmartRetry.Functions.Lookup;
using SmartRetry.Functions.Sales;
using SmartRetry.Functions.Shared.Cards;
using SmartRetry.Functions.Shared.Durable;
using SmartRetry.Functions.Shared.Ledger;
using SmartRetry.Functions.Shared.Problems;
using SmartRetry.Functions.Shared.Serialization;
using SmartRetry.Functions.Tests.Sales;
using SmartRetry.Functions.Tests.TestHost;
using SmartRetry.Testing.Storage;

namespace SmartRetry.Functions.Tests.Lookup;

/// <summary><c>GET /api/payments/{id}</c> for a sale, and for a series' charge, over real Azurite tables.</summary>
[Collection(AzuriteTests.Name)]
public sealed class PaymentStatusHandlerTests(AzuriteFixture azurite)
{
    private static readonly string PaymentId = SaleInstanceIds.For("order-42");

    [Theory]
    [MemberData(nameof(TestSales.UnknownPaymentIds), MemberType = typeof(TestSales))]
    public async Task An_unknown_or_malformed_payment_id_is_404(string paymentId)
    {
        var harness = new SaleHarness(azurite);

        HandlerResult<PaymentView> status = await harness.Status.GetAsync(harness.Durable, paymentId, CancellationToken.None);

        Assert.Equal((HttpStatusCode.NotFound, ProblemTypes.NotFound), (status.StatusCode, status.Problem!.Type));
        Assert.Equal("No payment has this id.", status.Problem.Detail);
    }

    [Fact]
    public async Task Status_combines_the_ledger_and_the_workflow_without_the_card_token()
    {
        var harness = new SaleHarness(azurite);
        await harness.Submission.SubmitAsync(harness.Durable, TestSales.Request(), CancellationToken.None);
        await harness.Ledger.RecordAsync(
            new PaymentLedgerEntry(PaymentId, "order-42", PaymentKind.Sale, 49.99m, "USD", PaymentStatus.Processing, TestSales.Now, "TX8A3F2C",
                AttemptNumber: 2, Card: new CardSummary("secret-token", "1111", "411111", "visa")),
            CancellationToken.None);
        harness.Durable.Instances[PaymentId] = RecordingDurableClient.Instance(PaymentId, nameof(SaleWorkflow), OrchestrationRuntimeStatus.Running, TestSales.Now, customStatus: "{\"stage\":\"waiting\"}");

        HandlerResult<PaymentView> result = await harness.Status.GetAsync(harness.Durable, PaymentId, CancellationToken.None);

        PaymentView status = result.Body!;
        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        Assert.Equal((PaymentStatus.Processing, "TX8A3F2C", 2, 49.99m), (status.Status!.Value, status.TransactionId, status.AttemptNumber!.Value, status.Amount!.Value));
        Assert.Equal(new PaymentCardDisplay("1111", "visa"), status.Card);
        Assert.Equal(OrchestrationRuntimeStatus.Running, status.Workflow!.RuntimeStatus);
        Assert.Equal("waiting", status.Workflow.CustomStatus!.Value.GetProperty("stage").GetString());
        Assert.DoesNotContain("secret-token", JsonSerializer.Serialize(status, PaymentsJson.Options), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_recurring_charge_row_is_read_by_its_payment_id_with_its_due_date()
    {
        var harness = new SaleHarness(azurite);
        string chargeId = $"{RecurringSeriesIds.CycleInstanceId(RecurringSeriesIds.For("sub-42"), 2)}-a1";
        var dueAt = new DateTimeOffset(2026, 12, 31, 0, 0, 0, TimeSpan.Zero);
        await harness.Ledger.RecordAsync(
            new PaymentLedgerEntry(chargeId, RecurringSeriesIds.For("sub-42"), PaymentKind.RecurringCharge, 9m, "USD", PaymentStatus.Approved, TestSales.Now, "TX000002", AttemptNumber: 1, ScheduledAt: dueAt),
            CancellationToken.None);

        HandlerResult<PaymentView> result = await harness.Status.GetAsync(harness.Durable, chargeId, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        Assert.Equal((PaymentStatus.Approved, dueAt, "TX000002"), (result.Body!.Status!.Value, result.Body.ScheduledAt!.Value, result.Body.TransactionId));
        Assert.Null(result.Body.Workflow);
    }
}
