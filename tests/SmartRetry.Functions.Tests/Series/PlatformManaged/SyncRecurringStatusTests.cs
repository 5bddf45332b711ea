using Microsoft.DurableTask.Client;
using Moq;
using SmartRetry.Functions.Series.PlatformManaged;
using SmartRetry.Functions.Shared.Correlation;
using SmartRetry.Functions.Shared.Ledger;
using SmartRetry.Functions.Shared.Series;
using SmartRetry.Functions.Tests.TestHost;

namespace SmartRetry.Functions.Tests.Series.PlatformManaged;

public sealed class SyncRecurringStatusTests
{
    private readonly Mock<ISmartRetryRecurringGateway> _recurring = new();
    private readonly Mock<IPaymentLedger> _ledger = new();
    private readonly RecordingDurableClient _durable = new();
    private readonly Mock<ICorrelationStore> _correlations = new();

    [Fact]
    public async Task Each_upcoming_future_transaction_gets_one_watch_and_is_correlated_to_the_series()
    {
        FutureTransactionSnapshot pending = Future("FT000001", FutureTransactionStatus.Pending);
        FutureTransactionSnapshot watched = Future("FT000002", FutureTransactionStatus.Pending);
        FutureTransactionSnapshot done = Future("FT000003", FutureTransactionStatus.Completed);
        _recurring.Setup(g => g.GetRecurringAsync("RC000002", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new RecurringSnapshot("RC000002", RecurringSeriesStatus.Active, SeriesManagement.OurPlatform, 1, 5, [pending, watched, done], []));
        string watchedId = FutureTransactionWatchWorkflow.InstanceId("rs-9", "FT000002");
        _durable.Instances[watchedId] = RecordingDurableClient.Instance(watchedId, nameof(FutureTransactionWatchWorkflow), OrchestrationRuntimeStatus.Running, default);

        SyncResult result = await Activity().RunAsync(new SyncRequest("rs-9", "RC000002", TimeSpan.FromHours(6)), _durable, CancellationToken.None);

        Assert.Equal(new SyncResult(RecurringSeriesStatus.Active, 0, 1), result);
        Assert.Equal(
            (nameof(FutureTransactionWatchWorkflow), "rs-9-fFT000001", new FutureTransactionWatchInput("rs-9", "RC000002", "FT000001", pending.ScheduledDate, TimeSpan.FromHours(6))),
            Assert.Single(_durable.Scheduled));
        _correlations.Verify(c => c.AddAsync(CorrelationKind.FutureTransaction, "FT000001", "rs-9", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Completed_charges_are_recorded_and_only_new_ones_are_counted()
    {
        _recurring.Setup(g => g.GetRecurringAsync("RC000002", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new RecurringSnapshot("RC000002", RecurringSeriesStatus.Completed, SeriesManagement.OurPlatform, 2, 0, [],
                [new RecurringChargeRecord("TX1", "OR1", 5m, "EUR", true), new RecurringChargeRecord("TX2", "OR1", 5m, "EUR", false)]));
        _ledger.Setup(l => l.RecordAsync(It.Is<PaymentLedgerEntry>(e => e.TransactionId == "TX1"), It.IsAny<CancellationToken>())).ReturnsAsync(false);
        _ledger.Setup(l => l.RecordAsync(It.Is<PaymentLedgerEntry>(e => e.TransactionId == "TX2"), It.IsAny<CancellationToken>())).ReturnsAsync(true);

        SyncResult result = await Activity().RunAsync(new SyncRequest("rs-9", "RC000002", TimeSpan.FromHours(6)), _durable, CancellationToken.None);

        Assert.Equal(new SyncResult(RecurringSeriesStatus.Completed, 1, 0), result);
        _ledger.Verify(l => l.RecordAsync(It.Is<PaymentLedgerEntry>(e => e.TransactionId == "TX2" && e.Status == PaymentStatus.Declined && e.PaymentId == "rs-9-tTX2"), It.IsAny<CancellationToken>()));
    }

    private SyncRecurringStatus Activity() => new(_recurring.Object, _ledger.Object, _correlations.Object, TimeProvider.System);

    private static FutureTransactionSnapshot Future(string id, FutureTransactionStatus status) =>
        new(id, "RC000002", new DateOnly(2030, 5, 1), 2, 5m, "EUR", status);
}
