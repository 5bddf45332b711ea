using Moq;
using SmartRetry.Functions.Series.PlatformManaged;
using SmartRetry.Functions.Shared.Correlation;
using SmartRetry.Functions.Shared.Durable;
using SmartRetry.Functions.Shared.Events;
using SmartRetry.Functions.Shared.Ledger;
using SmartRetry.Functions.Shared.Series;
using SmartRetry.Functions.Tests.TestHost;

namespace SmartRetry.Functions.Tests.Series.PlatformManaged;

public sealed class PlatformRecurringSeriesWorkflowTests
{
    private const string SeriesId = "rs-platform-1";
    private const string RecurringId = "RC000002";
    private static readonly DateTime Start = new(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly WorkflowTestHost _host = new(Start);
    private readonly Mock<ISmartRetryRecurringGateway> _smartRetry = new();
    private readonly Mock<IPaymentLedger> _ledger = new();
    private readonly List<PaymentLedgerEntry> _ledgerRows = [];
    private RecurringSnapshot _snapshot = Snapshot(RecurringSeriesStatus.Active);

    public PlatformRecurringSeriesWorkflowTests()
    {
        _smartRetry.Setup(g => g.GetRecurringAsync(RecurringId, It.IsAny<CancellationToken>())).ReturnsAsync(() => _snapshot);
        // Like the real ledger: a payment already recorded with the same status is a repeat and changes nothing.
        _ledger.Setup(l => l.RecordAsync(It.IsAny<PaymentLedgerEntry>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((PaymentLedgerEntry entry, CancellationToken _) =>
            {
                if (_ledgerRows.Any(r => r.PaymentId == entry.PaymentId && r.Status == entry.Status))
                {
                    return false;
                }

                _ledgerRows.Add(entry);
                return true;
            });
        var correlations = new Mock<ICorrelationStore>();

        _host.RegisterOrchestration(nameof(PlatformRecurringSeriesWorkflow), PlatformRecurringSeriesWorkflow.RunAsync)
            .RegisterStep(new RecordRecurringCharge(_ledger.Object))
            .RegisterActivity<SeriesChange>(nameof(RecordRecurringSeriesChange), (_, _) => Task.CompletedTask)
            .RegisterStep(new SyncRecurringStatus(_smartRetry.Object, _ledger.Object, correlations.Object, TimeProvider.System), new RecordingDurableClient());
    }

    [Fact]
    public async Task A_platform_managed_series_is_recorded_from_its_webhooks_once_each_and_ends_with_the_series()
    {
        await _host.StartAsync(nameof(PlatformRecurringSeriesWorkflow), SeriesId, new PlatformSeriesState(SeriesId, RecurringId, SeriesManagement.OurPlatform, TimeSpan.FromDays(1), TimeSpan.FromHours(6), 9.99m, "USD", null));

        await RaiseAsync(new RecurringEvent("evt_1", RecurringEvent.Charged, new DateTimeOffset(Start), RecurringId, "TX000001", Amount: 9.99m, Currency: "USD", Accepted: true));
        await RaiseAsync(new RecurringEvent("evt_1", RecurringEvent.Charged, new DateTimeOffset(Start), RecurringId, "TX000001", Amount: 9.99m, Currency: "USD", Accepted: true));
        await RaiseAsync(new RecurringEvent("evt_2", RecurringEvent.Charged, new DateTimeOffset(Start), RecurringId, "TX000002", Amount: 9.99m, Currency: "USD", Accepted: false));
        _snapshot = Snapshot(RecurringSeriesStatus.Completed, new RecurringChargeRecord("TX000001", "OR1", 9.99m, "USD", true), new RecurringChargeRecord("TX000002", "OR1", 9.99m, "USD", false));
        await RaiseAsync(new RecurringEvent("evt_3", RecurringEvent.Completed, new DateTimeOffset(Start), RecurringId));

        Assert.Equal(
            [(PlatformRecurringSeriesWorkflow.ChargePaymentId(SeriesId, "TX000001"), PaymentStatus.Approved), (PlatformRecurringSeriesWorkflow.ChargePaymentId(SeriesId, "TX000002"), PaymentStatus.Declined)],
            _ledgerRows.Select(r => (r.PaymentId, r.Status)));
        Assert.All(_ledgerRows, r => Assert.Equal((PaymentKind.RecurringCharge, SeriesId, 9.99m), (r.Kind, r.MerchantTransactionId, r.Amount)));
        WorkflowTestInstance series = _host.GetInstance(SeriesId);
        Assert.Equal(RecurringSeriesStatus.Completed, series.ReadOutput<PlatformSeriesResult>().Status);
        Assert.Empty(_host.PendingTimers);
    }

    [Fact]
    public async Task Without_webhooks_the_periodic_sync_records_charges_and_notices_a_cancelled_series()
    {
        await _host.StartAsync(nameof(PlatformRecurringSeriesWorkflow), SeriesId, new PlatformSeriesState(SeriesId, RecurringId, SeriesManagement.PaymentProvider, TimeSpan.FromHours(12), TimeSpan.FromHours(6), 5m, "EUR", null));
        _snapshot = Snapshot(RecurringSeriesStatus.Active, new RecurringChargeRecord("TX000007", "OR1", 5m, "EUR", true));

        await _host.AdvanceTimeAsync(TimeSpan.FromDays(2));
        _snapshot = _snapshot with { Status = RecurringSeriesStatus.Cancelled };
        await _host.AdvanceTimeAsync(TimeSpan.FromHours(12));

        PaymentLedgerEntry charge = Assert.Single(_ledgerRows);
        Assert.Equal(("TX000007", PaymentStatus.Approved), (charge.TransactionId, charge.Status));
        _smartRetry.Verify(g => g.GetRecurringAsync(RecurringId, It.IsAny<CancellationToken>()), Times.Exactly(5));
        Assert.Equal(RecurringSeriesStatus.Cancelled, _host.GetInstance(SeriesId).ReadOutput<PlatformSeriesResult>().Status);
    }

    private Task<RaiseEventResult> RaiseAsync(RecurringEvent received) => _host.RaiseEventAsync(SeriesId, RecurringEventNames.Recurring, received);

    private static RecurringSnapshot Snapshot(RecurringSeriesStatus status, params RecurringChargeRecord[] completed) =>
        new(RecurringId, status, SeriesManagement.OurPlatform, completed.Count(c => c.Accepted), null, [], completed);
}
