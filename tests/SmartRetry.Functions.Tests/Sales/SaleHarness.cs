using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using SmartRetry.Functions.Lookup;
using SmartRetry.Functions.Sales;
using SmartRetry.Functions.Shared.Cards;
using SmartRetry.Functions.Shared.Charges;
using SmartRetry.Functions.Shared.Gateway;
using SmartRetry.Functions.Shared.Idempotency;
using SmartRetry.Functions.Shared.Ledger;
using SmartRetry.Functions.Shared.Storage;
using SmartRetry.Functions.Shared.Tracking;
using SmartRetry.Functions.Tests.Shared.Cards;
using SmartRetry.Functions.Tests.Shared.Storage;
using SmartRetry.Functions.Tests.TestHost;
using SmartRetry.Testing.Storage;

namespace SmartRetry.Functions.Tests.Sales;

/// <summary>The sale handlers over real Azurite tables, a virtual clock, a Moq orchestration client and captured logs.</summary>
internal sealed class SaleHarness
{
    // A fixed key keeps every stored value (the request hash included) the same run after run.
    private static readonly string FixedKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    public SaleHarness(AzuriteFixture azurite)
    {
        Tables = TestTables.Create(azurite);
        KeyRing = AesGcmCardSealerTests.KeyRing([("k1", FixedKey)], current: "k1");
        Sealer = new AesGcmCardSealer(KeyRing);
        Cards = new TableCardVault(Tables, Sealer, Time);
        Unresolved = TestTables.Unresolved(Tables, Time);
        Ledger = new TablePaymentLedger(Tables, cards: Cards, unresolved: Unresolved);
        Idempotency = new TableIdempotencyStore(Tables);
        IOptions<PaymentRequestOptions> options = Options.Create(Requests);
        Submission = new SaleSubmissionHandler(
            new ChargeRequestValidator(Time, options),
            new ChargeFingerprinter(KeyRing),
            Cards,
            new RequestClaims(Idempotency, new FakeLogger<RequestClaims>(Logs)),
            Ledger,
            options,
            Options.Create(Tracking),
            Time,
            new FakeLogger<SaleSubmissionHandler>(Logs));
        Status = new PaymentStatusHandler(Ledger, new TableRefundReservations(Tables), Unresolved);
        Cancellation = new SaleCancellationHandler(Ledger, Time, new FakeLogger<SaleCancellationHandler>(Logs));
    }

    public FakeTimeProvider Time { get; } = new(TestSales.Now);

    public FakeLogCollector Logs { get; } = new();

    public PaymentRequestOptions Requests { get; } = new();

    public TrackingOptions Tracking { get; } = new();

    public PaymentsTables Tables { get; }

    public SealingKeyRing KeyRing { get; }

    public AesGcmCardSealer Sealer { get; }

    public TableCardVault Cards { get; }

    public TableUnresolvedPayments Unresolved { get; }

    /// <summary>The card the vault holds for <paramref name="paymentId"/>, or null.</summary>
    public async Task<CardDetails?> HeldCardAsync(string paymentId) =>
        (await Cards.OpenAsync<SmartRetry.Functions.Shared.Gateway.PaymentSubmissionResult>(paymentId, CancellationToken.None)).Card;

    public TablePaymentLedger Ledger { get; }

    public TableIdempotencyStore Idempotency { get; }

    public RecordingDurableClient Durable { get; } = new();

    public ConcurrentQueue<(string Name, string InstanceId, object? Input)> Scheduled => Durable.Scheduled;

    public SaleSubmissionHandler Submission { get; }

    public PaymentStatusHandler Status { get; }

    public SaleCancellationHandler Cancellation { get; }

    public SaleInput SingleScheduledInput()
    {
        (string name, string _, object? input) = Assert.Single(Scheduled);
        Assert.Equal(nameof(SaleWorkflow), name);
        return Assert.IsType<SaleInput>(input);
    }

    /// <summary>Every logged message, its structured state and its scopes, as text.</summary>
    public IEnumerable<string> LoggedText() => Logs.GetSnapshot().SelectMany(record =>
        new[] { record.Message, record.Exception?.ToString() ?? "" }
            .Concat(record.StructuredState?.Select(pair => $"{pair.Key}={pair.Value}") ?? [])
            .Concat(record.Scopes.Select(scope => scope is IEnumerable<KeyValuePair<string, object>> pairs
                ? string.Join(";", pairs.Select(p => $"{p.Key}={p.Value}"))
                : scope?.ToString() ?? "")));
}
