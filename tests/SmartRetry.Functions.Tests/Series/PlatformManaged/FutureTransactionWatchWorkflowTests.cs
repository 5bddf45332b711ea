using Microsoft.Extensions.Logging;
using Moq;
using SmartRetry.Functions.Series.PlatformManaged;
using SmartRetry.Functions.Shared.Ledger;
using SmartRetry.Functions.Shared.Series;
using SmartRetry.Functions.Tests.TestHost;

namespace SmartRetry.Functions.Tests.Series.PlatformManaged;

public sealed class FutureTransactionWatchWorkflowTests
{
    private const string WatchId = "rs-platform-1-fFT000001";
    private static readonly DateTime Start = new(2030, 3, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Scheduled = new(2030, 3, 10);

    private readonly WorkflowTestHost _host = new(Start);
    private readonly Mock<ISmartRetryRecurringGateway> _smartRetry = new();
    private readonly List<PaymentLedgerEntry> _ledgerRows = [];

    public FutureTransactionWatchWorkflowTests()
    {
        var ledger = new Mock<IPaymentLedger>();
        ledger.Setup(l => l.RecordAsync(It.IsAny<PaymentLedgerEntry>(), It.IsAny<CancellationToken>()))
            .Callback((PaymentLedgerEntry entry, CancellationToken _) => _ledgerRows.Add(entry))
            .ReturnsAsync(true);
        _host.RegisterOrchestration(nameof(FutureTransactionWatchWorkflow), FutureTransactionWatchWorkflow.RunAsync)
            .RegisterStep(new GetFutureTransaction(_smartRetry.Object))
            .RegisterStep(new RecordFutureTransaction(ledger.Object));
    }

    [Fact]
    public async Task A_future_transaction_that_never_ran_is_flagged_after_its_day_and_the_grace_period()
    {
        ReturnStatus(FutureTransactionStatus.Pending, Scheduled);
        await StartAsync();

        await _host.AdvanceTimeAsync(new DateTime(2030, 3, 11, 5, 59, 0, DateTimeKind.Utc) - Start);
        _smartRetry.Verify(g => g.GetFutureTransactionAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        WorkflowTestInstance watch = await _host.RunToCompletionAsync(WatchId);

        Assert.Equal(FutureTransactionCheck.Missed, watch.ReadOutput<FutureTransactionCheck?>());
        PaymentLedgerEntry flagged = Assert.Single(_ledgerRows);
        Assert.Equal((PaymentStatus.NeedsAttention, "rs-platform-1-fFT000001"), (flagged.Status, flagged.PaymentId));
        Assert.StartsWith("MISSED", flagged.Note, StringComparison.Ordinal);
        Assert.Contains(_host.Logs, l => l.Level == LogLevel.Warning && l.Message.Contains("FT000001", StringComparison.Ordinal));
        Assert.Equal(new DateTime(2030, 3, 11, 6, 0, 0, DateTimeKind.Utc), _host.UtcNow);
    }

    [Fact]
    public async Task A_future_transaction_that_ran_is_recorded_with_its_transaction()
    {
        ReturnStatus(FutureTransactionStatus.Completed, Scheduled, "TX000042");
        await StartAsync();

        WorkflowTestInstance watch = await _host.RunToCompletionAsync(WatchId);

        Assert.Equal(FutureTransactionCheck.Ran, watch.ReadOutput<FutureTransactionCheck?>());
        Assert.Equal(("TX000042", PaymentStatus.Submitted), (_ledgerRows[0].TransactionId, _ledgerRows[0].Status));
    }

    [Fact]
    public async Task A_future_transaction_moved_to_a_later_date_is_checked_after_that_date()
    {
        var moved = new DateOnly(2030, 4, 2);
        ReturnStatus(FutureTransactionStatus.Pending, moved);
        await StartAsync();
        await _host.AdvanceTimeAsync(TimeSpan.FromDays(20));
        ReturnStatus(FutureTransactionStatus.Completed, moved, "TX000043");

        WorkflowTestInstance watch = await _host.RunToCompletionAsync(WatchId);

        Assert.Equal(FutureTransactionCheck.Ran, watch.ReadOutput<FutureTransactionCheck?>());
        Assert.Equal(FutureTransactionWatchWorkflow.CheckAt(moved, TimeSpan.FromHours(6)), _host.UtcNow);
        Assert.Equal(2, watch.Generations.Count);
    }

    private Task<WorkflowTestInstance> StartAsync() => _host.StartAsync(
        nameof(FutureTransactionWatchWorkflow), WatchId, new FutureTransactionWatchInput("rs-platform-1", "RC000002", "FT000001", Scheduled, TimeSpan.FromHours(6)));

    private void ReturnStatus(FutureTransactionStatus status, DateOnly scheduled, string? executed = null) =>
        _smartRetry.Setup(g => g.GetFutureTransactionAsync("FT000001", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new FutureTransactionSnapshot("FT000001", "RC000002", scheduled, 3, 12.5m, "USD", status, executed));
}
