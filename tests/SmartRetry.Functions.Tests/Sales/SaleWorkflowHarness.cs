using System.Text.Json;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Moq;
using SmartRetry.Functions.Sales;
using SmartRetry.Functions.Shared.Cards;
using SmartRetry.Functions.Shared.Correlation;
using SmartRetry.Functions.Shared.Durable;
using SmartRetry.Functions.Shared.Events;
using SmartRetry.Functions.Shared.Gateway;
using SmartRetry.Functions.Shared.Ledger;
using SmartRetry.Functions.Shared.Serialization;
using SmartRetry.Functions.Shared.Tracking;
using SmartRetry.Functions.Tests.Shared.Gateway;
using SmartRetry.Functions.Tests.TestHost;

namespace SmartRetry.Functions.Tests.Sales;

/// <summary>
/// The sale orchestration on the virtual-time host with its real activities over mocked ports: a scripted SmartRetry
/// gateway, a card vault that holds the test card until an answer replaces it (and a sealer that opens the test
/// envelope of a sale started before the vault), a correlation store and a ledger that records what it is given.
/// </summary>
public sealed class SaleWorkflowHarness
{
    public const string PaymentId = "sale-mt-1001";
    public const string TransactionId = "TX8A3F2C";
    public const string CardNumber = "4111111111111111";
    public const string Cvv = "737";
    public const int ExpiryMonth = 11;
    public const int ExpiryYear = 2031;

    public static readonly DateTime Start = WorkflowTestHost.DefaultStartTime;

    public static readonly TrackingPolicy Tracking = new(
        FirstPollDelay: TimeSpan.FromMinutes(1), PollBackoff: 2.0, MaxPollInterval: TimeSpan.FromMinutes(4), Deadline: TimeSpan.FromMinutes(10));

    private static readonly SealedCard SealedTestCard = new("key-2030", "bm90LWEtcmVhbC1lbnZlbG9wZQ==");

    private int eventSequence;

    public SaleWorkflowHarness()
    {
        CardSealer.Setup(s => s.Unseal(SealedTestCard, null)).Returns(TestCard);
        Held = new HeldCard<PaymentSubmissionResult>(TestCard, null);
        Cards.Setup(v => v.OpenAsync<PaymentSubmissionResult>(PaymentId, It.IsAny<CancellationToken>())).ReturnsAsync(() => Held);
        Cards.Setup(v => v.RecordAnswerAsync(PaymentId, It.IsAny<PaymentSubmissionResult>(), It.IsAny<CancellationToken>()))
            .Callback((string _, PaymentSubmissionResult answer, CancellationToken _) => Held = new HeldCard<PaymentSubmissionResult>(null, answer))
            .Returns(Task.CompletedTask);
        Ledger.Setup(l => l.RecordAsync(It.IsAny<PaymentLedgerEntry>(), It.IsAny<CancellationToken>()))
            .Callback((PaymentLedgerEntry entry, CancellationToken _) => LedgerEntries.Add(entry))
            .ReturnsAsync(true);
        Correlations.Setup(c => c.AddAsync(It.IsAny<CorrelationKind>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((CorrelationKind _, string _, string instanceId, CancellationToken _) => instanceId);
        PendingEvents.Setup(p => p.GetAsync(It.IsAny<CorrelationKind>(), It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);
        var submit = new SubmitSale(
            Gateway.Object, Cards.Object, CardSealer.Object, Correlations.Object, new EarlyTransactionEvents(PendingEvents.Object), Ledger.Object, new FakeTimeProvider(Start), ActivityLogger);
        var getStatus = new GetTransactionStatus(Gateway.Object);
        var record = new RecordPayment(Ledger.Object);
        Host = new WorkflowTestHost()
            .RegisterOrchestration(nameof(SaleWorkflow), SaleWorkflow.RunAsync)
            .RegisterStep(submit)
            .RegisterStep(getStatus)
            .RegisterStep(record);
    }

    public WorkflowTestHost Host { get; }

    /// <summary>Webhooks kept pending before their transaction was correlated; none unless a test adds some.</summary>
    public Mock<IPendingEventStore> PendingEvents { get; } = new(MockBehavior.Strict);

    public Mock<ISmartRetryGateway> Gateway { get; } = new(MockBehavior.Strict);

    public Mock<ICardSealer> CardSealer { get; } = new(MockBehavior.Strict);

    public Mock<ICardVault> Cards { get; } = new(MockBehavior.Strict);

    /// <summary>What the vault holds for the sale: the test card until SmartRetry's answer replaces it.</summary>
    public HeldCard<PaymentSubmissionResult> Held { get; set; }

    public static CardDetails TestCard { get; } = new(CardNumber, ExpiryMonth, ExpiryYear, Cvv, "Jane Doe");

    /// <summary>The sealed card that sales started before the card vault carry in their input.</summary>
    public static SealedCard LegacySealedCard => SealedTestCard;

    public Mock<ICorrelationStore> Correlations { get; } = new();

    public Mock<IPaymentLedger> Ledger { get; } = new();

    public FakeLogger<SubmitSale> ActivityLogger { get; } = new();

    public List<PaymentLedgerEntry> LedgerEntries { get; } = [];

    public List<SaleSubmission> Submissions { get; } = [];

    public WorkflowTestInstance Instance => Host.GetInstance(PaymentId);

    public int SubmitCalls => Host.CountActivityCalls(nameof(SubmitSale));

    public int StatusPolls => Host.CountActivityCalls(nameof(GetTransactionStatus));

    public static SaleInput Input(DateTimeOffset? scheduledAt = null) => new(
        PaymentId,
        "mt-1001",
        49.99m,
        "USD",
        new PayerDetails("Jane", "Doe", "jane.doe@example.com"),
        Tracking,
        Description: "Order #1001",
        ScheduledAt: scheduledAt);

    public SaleWorkflowHarness SmartRetryAccepts(bool accepted = true)
    {
        Gateway.Setup(g => g.SubmitSaleAsync(It.IsAny<SaleSubmission>(), It.IsAny<CardDetails>(), It.IsAny<CancellationToken>()))
            .Callback((SaleSubmission sale, CardDetails _, CancellationToken _) => Submissions.Add(sale))
            .ReturnsAsync(new PaymentSubmissionResult(accepted, TransactionId, "OR7B9E1D"));
        return this;
    }

    /// <summary>These webhooks came before the transaction was correlated, so the intake kept them pending.</summary>
    public SaleWorkflowHarness WebhooksArrivedEarly(params (string Type, SmartRetryStatus Status)[] events)
    {
        PendingEvent[] pending = [.. events.Select(e =>
        {
            var payload = new TransactionEvent($"evt_{++eventSequence}", e.Type, new DateTimeOffset(Host.UtcNow), TransactionId, e.Status, e.Status == SmartRetryStatus.Approved ? "AUTH.APPROVED" : null, 1);
            return new PendingEvent(CorrelationKind.Transaction, TransactionId, payload.EventId, OrchestrationEventNames.Transaction, payload.CreatedAt, JsonSerializer.Serialize(payload, PaymentsJson.Options));
        })];
        PendingEvents.Setup(p => p.GetAsync(CorrelationKind.Transaction, TransactionId, It.IsAny<CancellationToken>())).ReturnsAsync(pending);
        return this;
    }

    /// <summary>The status endpoint answers these statuses in turn, then repeats the last one.</summary>
    public SaleWorkflowHarness StatusReads(params (SmartRetryStatus Status, int Attempt)[] answers)
    {
        int next = 0;
        Gateway.Setup(g => g.GetTransactionAsync(TransactionId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(() =>
            {
                (SmartRetryStatus status, int attempt) = answers[Math.Min(next++, answers.Length - 1)];
                string? reason = status == SmartRetryStatus.Declined ? "PAYER_ACCOUNT.INSUFFICIENT_FUNDS" : null;
                return new TransactionSnapshot(TransactionId, status, reason, "PAYER_ACCOUNT", attempt, new CardSummary("tok_abc", "1111", "411111", "Visa"));
            });
        return this;
    }

    public Task<WorkflowTestInstance> StartAsync(DateTimeOffset? scheduledAt = null) =>
        Host.StartAsync(nameof(SaleWorkflow), PaymentId, Input(scheduledAt));

    /// <summary>Starts the sale as an instance started before the card vault: its input carries the sealed card.</summary>
    public Task<WorkflowTestInstance> StartCarryingTheCardAsync() =>
        Host.StartAsync(nameof(SaleWorkflow), PaymentId, Input() with { Card = SealedTestCard });

    public Task<RaiseEventResult> RaiseAsync(string type, SmartRetryStatus? status = null, int? attempt = null, string transactionId = TransactionId) =>
        Host.RaiseEventAsync(PaymentId, OrchestrationEventNames.Transaction, new TransactionEvent(
            $"evt_{++eventSequence}", type, new DateTimeOffset(Host.UtcNow), transactionId, status, status == SmartRetryStatus.Approved ? "AUTH.APPROVED" : null, attempt));

    public SaleOutcome Outcome => Instance.ReadOutput<SaleOutcome>();

    public IReadOnlyList<PaymentStatus> LedgerStatuses => [.. LedgerEntries.Select(e => e.Status)];

    /// <summary>What every test checks at its end: no event was lost and nothing is left running.</summary>
    public void AssertCleanFinish()
    {
        Assert.True(Instance.IsFinished, $"Instance is {Instance.RuntimeStatus}");
        Assert.Empty(Host.SwallowedEvents);
        Assert.Empty(Host.PendingTimers);
    }
}
