using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using SmartRetry.Functions.Maintenance;
using SmartRetry.Functions.Sales;
using SmartRetry.Functions.Shared.Cards;
using SmartRetry.Functions.Shared.Charges;
using SmartRetry.Functions.Shared.Gateway;
using SmartRetry.Functions.Shared.Idempotency;
using SmartRetry.Functions.Shared.Ledger;
using SmartRetry.Functions.Shared.Storage;
using SmartRetry.Functions.Tests.Shared.Cards;
using SmartRetry.Functions.Tests.Shared.Storage;
using SmartRetry.Functions.Tests.TestHost;
using SmartRetry.Testing.Storage;

namespace SmartRetry.Functions.Tests.Maintenance;

/// <summary>
/// The reconciler over real Azurite tables (ledger, index, card vault, idempotency, refund reservations) and a virtual
/// clock, with SmartRetry's status answers scripted and the Durable client a mock that reports instances as told.
/// </summary>
internal sealed class ReconcilerHarness
{
    public const string SaleId = "sale-11111111111111111111111111111111";
    public const string RefundId = "refund-22222222222222222222222222222222";
    public const string OriginalId = "sale-33333333333333333333333333333333";
    public const string TransactionId = "TX000042";

    public static readonly DateTimeOffset Start = new(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);
    public static readonly CardDetails Card = new("4111111111111111", 12, 2031, "737", "Jane Doe");

    public ReconcilerHarness(AzuriteFixture azurite)
    {
        Tables = TestTables.Create(azurite);
        Unresolved = TestTables.Unresolved(Tables, Time, Options);
        Cards = new TableCardVault(Tables, new AesGcmCardSealer(AesGcmCardSealerTests.KeyRing([("k1", AesGcmCardSealerTests.NewKey())], current: "k1")), Time);
        Ledger = new TablePaymentLedger(Tables, cards: Cards, unresolved: Unresolved);
        Refunds = new TableRefundReservations(Tables);
        Idempotency = new TableIdempotencyStore(Tables);
        Reconciler = new PaymentReconciler(
            Unresolved, Ledger, Gateway.Object, Cards, Refunds, Idempotency,
            Microsoft.Extensions.Options.Options.Create(Options), Microsoft.Extensions.Options.Options.Create(new PaymentRequestOptions()), Time, Logger);
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public ReconciliationOptions Options { get; } = new() { Schedule = "0 * * * * *" };

    public PaymentsTables Tables { get; }

    public TableUnresolvedPayments Unresolved { get; }

    public TableCardVault Cards { get; }

    public TablePaymentLedger Ledger { get; }

    public TableRefundReservations Refunds { get; }

    public TableIdempotencyStore Idempotency { get; }

    public Mock<ISmartRetryGateway> Gateway { get; } = new(MockBehavior.Strict);

    public RecordingDurableClient Durable { get; } = new();

    public IReadOnlyCollection<string> Restarted => Durable.Restarted;

    public FakeLogger<PaymentReconciler> Logger { get; } = new();

    public PaymentReconciler Reconciler { get; }

    public static PaymentLedgerEntry Sale(PaymentStatus status, string? transactionId = TransactionId) =>
        new(SaleId, "order-42", PaymentKind.Sale, 49.99m, "USD", status, Start, transactionId);

    /// <summary>A sale as its orchestration left it: scheduled first (so the index watches it), then <paramref name="status"/>.</summary>
    public async Task RecordSaleAsync(PaymentStatus status, string? transactionId = TransactionId, bool holdCard = true)
    {
        await Ledger.RecordAsync(Sale(PaymentStatus.Scheduled, null), CancellationToken.None);
        if (holdCard)
        {
            await Cards.HoldAsync(SaleId, Card, Start.AddHours(23), CancellationToken.None);
        }

        if (status != PaymentStatus.Scheduled)
        {
            await Ledger.RecordAsync(Sale(status, transactionId), CancellationToken.None);
        }
    }

    public void InstanceIs(string id, OrchestrationRuntimeStatus status, string? customStatus = """{"status":"processing"}""", DateTimeOffset? createdAt = null) =>
        Durable.Instances[id] = RecordingDurableClient.Instance(id, "SaleWorkflow", status, createdAt ?? Start, customStatus, lastUpdatedAt: Time.GetUtcNow());

    public void SmartRetrySays(SmartRetryStatus status, string? reasonCode = null) =>
        Gateway.Setup(g => g.GetTransactionAsync(TransactionId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new TransactionSnapshot(TransactionId, status, reasonCode, "AUTH", 2, new CardSummary("tok", "1111", "411111", "Visa")));

    /// <summary>Moves the clock to when the payment is due and runs the reconciler once.</summary>
    public async Task<IReadOnlyList<ReconcilerCheck>> RunWhenDueAsync(string paymentId = SaleId)
    {
        UnresolvedPayment watched = (await Unresolved.GetAsync(paymentId, CancellationToken.None))!;
        if (watched.NextCheckAt > Time.GetUtcNow())
        {
            Time.SetUtcNow(watched.NextCheckAt);
        }

        return await Reconciler.ReconcileDueAsync(Durable, CancellationToken.None);
    }

    public Task<PaymentLedgerEntry?> EntryAsync(string paymentId = SaleId) => Ledger.GetAsync(paymentId, CancellationToken.None);

    public Task<UnresolvedPayment?> WatchedAsync(string paymentId = SaleId) => Unresolved.GetAsync(paymentId, CancellationToken.None);
}
