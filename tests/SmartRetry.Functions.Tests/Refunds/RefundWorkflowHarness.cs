using Microsoft.Extensions.Logging.Testing;
using Moq;
using SmartRetry.Functions.Refunds;
using SmartRetry.Functions.Shared.Correlation;
using SmartRetry.Functions.Shared.Durable;
using SmartRetry.Functions.Shared.Events;
using SmartRetry.Functions.Shared.Gateway;
using SmartRetry.Functions.Shared.Ledger;
using SmartRetry.Functions.Shared.Tracking;
using SmartRetry.Functions.Tests.TestHost;

namespace SmartRetry.Functions.Tests.Refunds;

/// <summary>
/// The refund orchestration on the virtual-time host with its real activities over mocked ports: a scripted SmartRetry
/// gateway, a correlation store, a ledger that records what it is given and the refund reservations.
/// </summary>
public sealed class RefundWorkflowHarness
{
    public const string OriginalPaymentId = "sale-mt-1001";
    public const string RefundTransactionId = "TXREF001";

    public static readonly string RefundPaymentId = RefundInstanceIds.For(OriginalPaymentId, "rf-1");

    public static readonly DateTime Start = WorkflowTestHost.DefaultStartTime;

    public static readonly TrackingPolicy Tracking = new(
        FirstPollDelay: TimeSpan.FromMinutes(1), PollBackoff: 2.0, MaxPollInterval: TimeSpan.FromMinutes(4), Deadline: TimeSpan.FromMinutes(10));

    private int eventSequence;

    public RefundWorkflowHarness()
    {
        Ledger.Setup(l => l.RecordAsync(It.IsAny<PaymentLedgerEntry>(), It.IsAny<CancellationToken>()))
            .Callback((PaymentLedgerEntry entry, CancellationToken _) => LedgerEntries.Add(entry))
            .ReturnsAsync(true);
        Correlations.Setup(c => c.AddAsync(It.IsAny<CorrelationKind>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((CorrelationKind _, string _, string instanceId, CancellationToken _) => instanceId);
        Reservations.Setup(r => r.ReleaseAsync(OriginalPaymentId, RefundPaymentId, It.IsAny<CancellationToken>())).ReturnsAsync(true);
        PendingEvents.Setup(p => p.GetAsync(It.IsAny<CorrelationKind>(), It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);
        var submit = new SubmitRefund(Gateway.Object, Correlations.Object, new EarlyTransactionEvents(PendingEvents.Object), new FakeLogger<SubmitRefund>());
        var getStatus = new GetTransactionStatus(Gateway.Object);
        var record = new RecordPayment(Ledger.Object);
        var release = new ReleaseRefundReservation(Reservations.Object);
        Host = new WorkflowTestHost()
            .RegisterOrchestration(nameof(RefundWorkflow), RefundWorkflow.RunAsync)
            .RegisterStep(submit)
            .RegisterStep(getStatus)
            .RegisterStep(record)
            .RegisterStep(release);
    }

    /// <summary>Webhooks kept pending before their transaction was correlated; none unless a test adds some.</summary>
    public Mock<IPendingEventStore> PendingEvents { get; } = new(MockBehavior.Strict);

    public WorkflowTestHost Host { get; }

    public Mock<ISmartRetryGateway> Gateway { get; } = new(MockBehavior.Strict);

    public Mock<ICorrelationStore> Correlations { get; } = new();

    public Mock<IPaymentLedger> Ledger { get; } = new();

    public Mock<IRefundReservations> Reservations { get; } = new(MockBehavior.Strict);

    public List<PaymentLedgerEntry> LedgerEntries { get; } = [];

    public List<RefundSubmission> Submissions { get; } = [];

    public WorkflowTestInstance Instance => Host.GetInstance(RefundPaymentId);

    public RefundOutcome Outcome => Instance.ReadOutput<RefundOutcome>();

    public IReadOnlyList<PaymentStatus> LedgerStatuses => [.. LedgerEntries.Select(e => e.Status)];

    public int Releases => Host.CountActivityCalls(nameof(ReleaseRefundReservation));

    public static RefundInput Input() =>
        new(RefundPaymentId, OriginalPaymentId, "rf-1", "TX8A3F2C", "OR7B9E1D", 12.50m, "USD", Tracking, "damaged in transit");

    public RefundWorkflowHarness SmartRetryAccepts(bool accepted = true)
    {
        Gateway.Setup(g => g.RefundAsync(It.IsAny<RefundSubmission>(), It.IsAny<CancellationToken>()))
            .Callback((RefundSubmission refund, CancellationToken _) => Submissions.Add(refund))
            .ReturnsAsync(new PaymentSubmissionResult(accepted, RefundTransactionId, "OR7B9E1D"));

        // The orchestration reads the status once right after acceptance; unless a test says otherwise, it is still processing.
        return StatusReads(SmartRetryStatus.Processing);
    }

    /// <summary>The status endpoint answers these statuses in turn, then repeats the last one.</summary>
    public RefundWorkflowHarness StatusReads(params SmartRetryStatus[] answers)
    {
        int next = 0;
        Gateway.Setup(g => g.GetTransactionAsync(RefundTransactionId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(() =>
            {
                SmartRetryStatus status = answers[Math.Min(next++, answers.Length - 1)];
                return new TransactionSnapshot(RefundTransactionId, status, status == SmartRetryStatus.Approved ? "AUTH.APPROVED" : "PROCESSOR.REFUND_FAILED", "PROCESSOR", 1, null);
            });
        return this;
    }

    public Task<WorkflowTestInstance> StartAsync() => Host.StartAsync(nameof(RefundWorkflow), RefundPaymentId, Input());

    public Task<RaiseEventResult> RaiseAsync(string type, SmartRetryStatus? status = null) =>
        Host.RaiseEventAsync(RefundPaymentId, OrchestrationEventNames.Transaction, new TransactionEvent(
            $"evt_{++eventSequence}", type, new DateTimeOffset(Host.UtcNow), RefundTransactionId, status, status == SmartRetryStatus.Approved ? "AUTH.APPROVED" : null, 1));

    /// <summary>What every test checks at its end: the orchestration finished, no event was lost, nothing is left running, and it replays to the same decisions.</summary>
    public void AssertCleanFinish()
    {
        Assert.True(Instance.IsFinished, $"Instance is {Instance.RuntimeStatus}");
        Assert.Empty(Host.SwallowedEvents);
        Assert.Empty(Host.PendingTimers);
        Host.VerifyReplay();
    }
}
