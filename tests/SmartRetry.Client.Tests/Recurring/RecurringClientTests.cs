using SmartRetry.Client.FutureTransactions;
using SmartRetry.Client.Models;
using SmartRetry.Client.Recurring;
using SmartRetry.Client.Tests.Support;

namespace SmartRetry.Client.Tests.Recurring;

public sealed class RecurringClientTests : IClassFixture<ApiServer>, IDisposable
{
    private readonly ApiServer server;
    private readonly ClientHarness harness;

    public RecurringClientTests(ApiServer server)
    {
        this.server = server;
        server.Reset();
        harness = new ClientHarness(server);
    }

    private RecurringClient Recurring => harness.Client.Recurring;

    [Fact]
    public async Task Init_posts_card_and_payer_at_the_top_level_with_a_zero_decimal_amount()
    {
        server.Respond("/v1/payments/recurring/init/TERM01", 200, Golden.Response("recurring-init"));

        SmartRetryResponse<RecurringInitResult> response = await Recurring.InitAsync(
            new RecurringInitRequest
            {
                Amount = 1000m,
                Currency = "JPY",
                Recurring = new RecurringSchedule
                {
                    ManagedBy = RecurringManagement.OurPlatform,
                    FirstPaymentDate = new DateOnly(2026, 5, 1),
                    RecurringDateType = RecurringInterval.Monthly,
                    TimeInterval = 1,
                    NumberOfPayments = 12,
                },
                PaymentInstrument = new PaymentInstrument { CardNumber = TestCards.Visa, ExpiryMonth = 12, ExpiryYear = 2027 },
                Payer = new Payer { FirstName = "Jane", LastName = "Doe", Email = "jane.doe@example.com" },
                Cvv = TestCards.Cvv,
            },
            "init-plan-7");

        server.Requests.Single().AssertPost("/v1/payments/recurring/init/TERM01", "recurring-init", "init-plan-7");
        Assert.Equal(
            new RecurringInitResult { TransactionId = "TX8A3F2C", OrderId = "OR7B9E1D", RecurringId = "RC9F4A2B", Accepted = true },
            response.Value);
    }

    [Fact]
    public async Task GetStatus_queries_by_recurring_id_and_reads_flat_card_profile_keys_and_mixed_dates()
    {
        server.Respond("/v1/payments/recurring/status/TERM01", 200, Golden.Response("recurring-status"));

        RecurringStatus status = (await Recurring.GetStatusAsync("RC9F4A2B")).Value;

        var request = server.Requests.Single();
        request.AssertGet("/v1/payments/recurring/status/TERM01");
        Assert.Equal("RC9F4A2B", request.QueryValue("recurring_id"));
        Assert.Equal(RecurringState.Active, status.Status);
        Assert.Equal(RecurringManagement.OurPlatform, status.Recurring!.ManagedBy);
        Assert.Equal(RecurringInterval.Monthly, status.Recurring.RecurringDateType);
        Assert.Null(status.Recurring.CancellationDate);
        Assert.Equal(11, status.Recurring.RemainingPayments);
        Assert.Equal("Example Bank", status.PaymentInstrument!.CardProfile!.Issuer!.Name);
        Assert.Equal("Visa", status.PaymentInstrument.CardProfile.Brand!.Name);
        Assert.Equal("jane.doe", status.Payer!.EmailUsername);
        Assert.Equal(
            [new DateOnly(2026, 6, 1), new DateOnly(2026, 7, 1)],
            status.FutureTransactions.Select(future => future.ScheduledDate!.Value));
        Assert.Equal([FutureTransactionState.Pending, FutureTransactionState.Unrecognized], status.FutureTransactions.Select(future => future.Status));
        CompletedRecurringTransaction completed = Assert.Single(status.CompletedTransactions);
        Assert.Equal(1000m, completed.Amount);
        Assert.True(completed.Accepted);
    }

    [Fact]
    public async Task Charge_writes_a_three_decimal_currency_with_three_decimals()
    {
        server.Respond("/v1/payments/recurring/charge/TERM01", 200, Golden.Response("recurring-charge"));

        SmartRetryResponse<RecurringChargeResult> response = await Recurring.ChargeAsync(
            new RecurringChargeRequest { RecurringId = "RC9F4A2B", Amount = 1.5m, Currency = "KWD" }, "charge-plan-7-3");

        server.Requests.Single().AssertPost("/v1/payments/recurring/charge/TERM01", "recurring-charge", "charge-plan-7-3");
        Assert.False(response.Value.Accepted);
        Assert.Equal("TX2B5C8D", response.Value.TransactionId);
        Assert.Equal("RC9F4A2B", response.Value.RecurringId);
    }

    [Fact]
    public async Task Update_puts_only_the_changed_fields_without_a_key_and_reads_the_updated_flag()
    {
        server.Respond("/v1/payments/recurring/update/TERM01", 200, Golden.Response("recurring-update"));

        SmartRetryResponse<RecurringChangeResult> response = await Recurring.UpdateAsync(new RecurringUpdateRequest
        {
            RecurringId = "RC9F4A2B",
            Amount = 19.99m,
            RecurringDateType = RecurringInterval.Weekly,
            TimeInterval = 2,
            NumberOfPayments = 6,
        });

        server.Requests.Single().AssertPut("/v1/payments/recurring/update/TERM01", "recurring-update");
        Assert.True(response.Value.Accepted);
        Assert.Null(response.IdempotencyKey);
    }

    [Fact]
    public async Task Cancel_posts_the_series_id()
    {
        server.Respond("/v1/payments/recurring/cancel/TERM01", 200, Golden.Response("recurring-cancel"));

        SmartRetryResponse<RecurringChangeResult> response = await Recurring.CancelAsync(new RecurringCancelRequest { RecurringId = "RC9F4A2B" }, "cancel-plan-7");

        server.Requests.Single().AssertPost("/v1/payments/recurring/cancel/TERM01", "recurring-cancel", "cancel-plan-7");
        Assert.Equal(new RecurringChangeResult { RecurringId = "RC9F4A2B", Accepted = true }, response.Value);
    }

    public void Dispose() => harness.Dispose();
}
