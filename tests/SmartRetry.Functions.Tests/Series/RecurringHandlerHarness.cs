using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using SmartRetry.Functions.Series;
using SmartRetry.Functions.Series.MerchantManaged;
using SmartRetry.Functions.Series.PlatformManaged;
using SmartRetry.Functions.Shared.Cards;
using SmartRetry.Functions.Shared.Charges;
using SmartRetry.Functions.Shared.Durable;
using SmartRetry.Functions.Shared.Serialization;
using SmartRetry.Functions.Shared.Series;
using SmartRetry.Functions.Shared.Storage;
using SmartRetry.Functions.Shared.Tracking;
using SmartRetry.Functions.Tests.Sales;
using SmartRetry.Functions.Tests.Shared.Cards;
using SmartRetry.Functions.Tests.Shared.Storage;
using SmartRetry.Functions.Tests.TestHost;
using SmartRetry.Testing.Storage;

namespace SmartRetry.Functions.Tests.Series;

/// <summary>The recurring handlers over a real Azurite series table, a real card sealer, a virtual clock and Moq for the orchestration client and SmartRetry.</summary>
internal sealed class RecurringHandlerHarness
{
    private static readonly string FixedKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    public RecurringHandlerHarness(AzuriteFixture azurite, RecurringOptions? recurringOptions = null)
    {
        PaymentsTables tables = TestTables.Create(azurite);
        Store = new TableRecurringSeriesStore(tables);
        SealingKeyRing keyRing = AesGcmCardSealerTests.KeyRing([("k1", FixedKey)], current: "k1");
        Cards = new TableCardVault(tables, new AesGcmCardSealer(keyRing), Time);
        Handler = new RecurringRequestHandler(
            new RecurringRequestValidator(new ChargeRequestValidator(Time, Options.Create(new PaymentRequestOptions())), Time),
            new ChargeFingerprinter(keyRing),
            Cards,
            CardFingerprinterTests.Fingerprinter(FixedKey),
            Store,
            SmartRetry.Object,
            Options.Create(recurringOptions ?? new RecurringOptions()),
            Options.Create(new DunningOptions()),
            Options.Create(new TrackingOptions()),
            Time,
            NullLogger<RecurringRequestHandler>.Instance);
        FutureTransactions = new FutureTransactionHandler(Store, SmartRetry.Object, Time, NullLogger<FutureTransactionHandler>.Instance);
    }

    public FakeTimeProvider Time { get; } = new(TestSales.Now);

    public TableRecurringSeriesStore Store { get; }

    /// <summary>Where the handler holds a new series' card for its set-up call.</summary>
    public TableCardVault Cards { get; }

    public RecordingDurableClient Durable { get; } = new();

    public Mock<ISmartRetryRecurringGateway> SmartRetry { get; } = new();

    public ConcurrentQueue<(string Name, string InstanceId, object? Input)> Scheduled => Durable.Scheduled;

    public RecurringRequestHandler Handler { get; }

    public FutureTransactionHandler FutureTransactions { get; }

    public static object Request(string managedBy = "merchant", string reference = "sub-42", decimal amount = 19.99m, int interval = 1, string cardNumber = TestSales.CardNumber) => new
    {
        series_reference = reference,
        amount,
        currency = "EUR",
        card = new { number = cardNumber, expiry_month = TestSales.ExpiryMonth, expiry_year = TestSales.ExpiryYear, cvv = TestSales.Cvv },
        payer = new { first_name = "Jane", last_name = "Doe", email = "jane@example.com" },
        recurring = new { managed_by = managedBy, first_payment_date = "2026-12-01", recurring_date_type = "monthly", time_interval = interval, number_of_payments = 12 },
    };

    public static ReadOnlyMemory<byte> Body(object request) => JsonSerializer.SerializeToUtf8Bytes(request, PaymentsJson.Options);

    /// <summary>Stores a series as if it had been created and set up earlier.</summary>
    public async Task<RecurringSeries> SeedAsync(SeriesManagement managedBy, RecurringSeriesStatus status, string reference = "seeded")
    {
        var series = new RecurringSeries(
            RecurringSeriesIds.For(reference), managedBy, status, 10m, "EUR", "k1:x:y", TestSales.Now, TestSales.Now, RecurringId: "RC000009");
        return await Store.AddAsync(series, CancellationToken.None);
    }
}
