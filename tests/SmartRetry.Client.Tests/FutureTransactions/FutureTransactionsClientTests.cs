using SmartRetry.Client.FutureTransactions;
using SmartRetry.Client.Tests.Support;

namespace SmartRetry.Client.Tests.FutureTransactions;

public sealed class FutureTransactionsClientTests : IClassFixture<ApiServer>, IDisposable
{
    private readonly ApiServer server;
    private readonly ClientHarness harness;

    public FutureTransactionsClientTests(ApiServer server)
    {
        this.server = server;
        server.Reset();
        harness = new ClientHarness(server);
    }

    private FutureTransactionsClient FutureTransactions => harness.Client.FutureTransactions;

    [Fact]
    public async Task GetStatus_queries_by_id_and_reads_a_date_time_scheduled_date()
    {
        server.Respond("/v1/payments/recurring/future-transactions/status/TERM01", 200, Golden.Response("future-status"));

        FutureTransaction future = (await FutureTransactions.GetStatusAsync("FT3D8E1C")).Value;

        var request = server.Requests.Single();
        request.AssertGet("/v1/payments/recurring/future-transactions/status/TERM01");
        Assert.Equal("FT3D8E1C", request.QueryValue("future_transaction_id"));
        Assert.Equal(
            new FutureTransaction
            {
                FutureTransactionId = "FT3D8E1C",
                RecurringId = "RC9F4A2B",
                ScheduledDate = new DateOnly(2026, 6, 15),
                SequenceNumber = 2,
                Amount = 1000m,
                Currency = "JPY",
                Status = FutureTransactionState.Completed,
                ExecutedTransaction = "TX7A1B3C",
                ExecutedAt = new DateTimeOffset(2026, 6, 15, 3, 0, 12, TimeSpan.Zero),
                Notes = "prorated upgrade",
            },
            future);
    }

    [Fact]
    public async Task Update_puts_the_date_as_a_plain_date_without_a_key()
    {
        server.Respond("/v1/payments/recurring/future-transactions/update/TERM01", 200, Golden.Response("future-update"));

        SmartRetryResponse<FutureTransactionChangeResult> response = await FutureTransactions.UpdateAsync(new FutureTransactionUpdateRequest
        {
            FutureTransactionId = "FT3D8E1C",
            RecurringId = "RC9F4A2B",
            Amount = 15.00m,
            ScheduledDate = new DateOnly(2026, 6, 15),
        });

        server.Requests.Single().AssertPut("/v1/payments/recurring/future-transactions/update/TERM01", "future-update");
        Assert.True(response.Value.Accepted);
        Assert.Equal("FT3D8E1C", response.Value.FutureTransactionId);
    }

    [Fact]
    public async Task Charge_posts_the_occurrence_with_an_override()
    {
        server.Respond("/v1/payments/recurring/future-transactions/charge/TERM01", 200, Golden.Response("future-charge"));

        SmartRetryResponse<FutureTransactionChargeResult> response = await FutureTransactions.ChargeAsync(
            new FutureTransactionChargeRequest { FutureTransactionId = "FT3D8E1C", RecurringId = "RC9F4A2B", Amount = 30m }, "charge-ft-1");

        server.Requests.Single().AssertPost("/v1/payments/recurring/future-transactions/charge/TERM01", "future-charge", "charge-ft-1");
        Assert.Equal(
            new FutureTransactionChargeResult { TransactionId = "TX7A1B3C", FutureTransactionId = "FT3D8E1C", OrderId = "OR7B9E1D", RecurringId = "RC9F4A2B", Accepted = true },
            response.Value);
    }

    [Fact]
    public async Task Cancel_posts_the_occurrence_and_reads_the_cancelled_flag()
    {
        server.Respond("/v1/payments/recurring/future-transactions/cancel/TERM01", 200, Golden.Response("future-cancel"));

        SmartRetryResponse<FutureTransactionChangeResult> response = await FutureTransactions.CancelAsync(
            new FutureTransactionCancelRequest { FutureTransactionId = "FT3D8E1C", RecurringId = "RC9F4A2B" }, "cancel-ft-1");

        server.Requests.Single().AssertPost("/v1/payments/recurring/future-transactions/cancel/TERM01", "future-cancel", "cancel-ft-1");
        Assert.True(response.Value.Accepted);
        Assert.Equal("RC9F4A2B", response.Value.RecurringId);
    }

    public void Dispose() => harness.Dispose();
}
