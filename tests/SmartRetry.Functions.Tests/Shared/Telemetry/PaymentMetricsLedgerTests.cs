using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using SmartRetry.Functions.Shared.Ledger;
using SmartRetry.Functions.Shared.Telemetry;
using SmartRetry.Functions.Tests.Shared.Storage;
using SmartRetry.Testing.Storage;

namespace SmartRetry.Functions.Tests.Shared.Telemetry;

/// <summary>
/// Payments are counted where the ledger commits them (on Azurite), so a replayed activity, a repeated webhook or two
/// writers racing never count a payment twice.
/// </summary>
[Collection(AzuriteTests.Name)]
public sealed class PaymentMetricsLedgerTests(AzuriteFixture azurite) : IDisposable
{
    private static readonly DateTimeOffset Submitted = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly ServiceProvider services = new ServiceCollection().AddMetrics().AddSingleton<PaymentMetrics>().BuildServiceProvider();

    [Fact]
    public async Task A_final_status_written_twice_is_counted_once_with_the_time_since_submission()
    {
        using MetricCollector<long> payments = Collect<long>("smartretry.payments");
        using MetricCollector<double> durations = Collect<double>("smartretry.payment.duration");
        TablePaymentLedger ledger = Ledger();
        await ledger.RecordAsync(Sale("sale-twice", PaymentStatus.Submitted, Submitted), CancellationToken.None);
        await ledger.RecordAsync(Sale("sale-twice", PaymentStatus.Processing, Submitted.AddSeconds(1)), CancellationToken.None);

        await ledger.RecordAsync(Sale("sale-twice", PaymentStatus.Approved, Submitted.AddSeconds(4)), CancellationToken.None);
        await ledger.RecordAsync(Sale("sale-twice", PaymentStatus.Approved, Submitted.AddSeconds(9)), CancellationToken.None);

        CollectedMeasurement<long> counted = Assert.Single(payments.GetMeasurementSnapshot());
        Assert.Equal(1, counted.Value);
        Assert.Equal("sale", counted.Tags["payment.kind"]);
        Assert.Equal("approved", counted.Tags["payment.status"]);
        Assert.Equal(4.0, Assert.Single(durations.GetMeasurementSnapshot()).Value);
    }

    [Fact]
    public async Task Writers_racing_to_settle_one_payment_count_it_once()
    {
        using MetricCollector<long> payments = Collect<long>("smartretry.payments");
        TablePaymentLedger ledger = Ledger();

        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() =>
            ledger.RecordAsync(Sale("sale-raced", i % 2 == 0 ? PaymentStatus.Approved : PaymentStatus.Processing, Submitted.AddSeconds(i)), CancellationToken.None))));

        Assert.Single(payments.GetMeasurementSnapshot());
    }

    [Theory]
    [InlineData("INSUFFICIENT_FUNDS", "INSUFFICIENT_FUNDS")]
    [InlineData("PAYER_ACCOUNT.STOLEN_INSTRUMENT", "PAYER_ACCOUNT.STOLEN_INSTRUMENT")]
    [InlineData("card 4111111111111111 refused", "other")]
    [InlineData(null, "none")]
    public async Task A_decline_is_counted_with_SmartRetrys_reason_code_and_never_with_free_text(string? reasonCode, string tag)
    {
        using MetricCollector<long> payments = Collect<long>("smartretry.payments");

        await Ledger().RecordAsync(Sale($"sale-declined-{tag}", PaymentStatus.Declined, Submitted) with { ReasonCode = reasonCode }, CancellationToken.None);

        CollectedMeasurement<long> counted = Assert.Single(payments.GetMeasurementSnapshot());
        Assert.Equal("declined", counted.Tags["payment.status"]);
        Assert.Equal(tag, counted.Tags["payment.reason"]);
    }

    [Fact]
    public async Task A_recurring_charge_after_a_decline_is_a_dunning_attempt_and_a_first_attempt_is_not()
    {
        using MetricCollector<long> dunning = Collect<long>("smartretry.dunning.attempts");
        TablePaymentLedger ledger = Ledger();
        string series = $"rs-{Guid.NewGuid():N}";

        await ledger.RecordAsync(Charge($"{series}-c2-a1", 1, PaymentStatus.Declined), CancellationToken.None);
        await ledger.RecordAsync(Charge($"{series}-c2-a2", 2, PaymentStatus.Declined), CancellationToken.None);
        await ledger.RecordAsync(Charge($"{series}-c2-a3", 3, PaymentStatus.Approved), CancellationToken.None);

        Assert.Equal(["declined", "approved"], dunning.GetMeasurementSnapshot().Select(m => (string)m.Tags["attempt.result"]!));
    }

    public void Dispose() => services.Dispose();

    private MetricCollector<T> Collect<T>(string instrument)
        where T : struct =>
        new(services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), PaymentMetrics.MeterName, instrument);

    private TablePaymentLedger Ledger() => new(TestTables.Create(azurite), services.GetRequiredService<PaymentMetrics>());

    private static PaymentLedgerEntry Sale(string paymentId, PaymentStatus status, DateTimeOffset at) =>
        new(paymentId, "order-42", PaymentKind.Sale, 49.99m, "USD", status, at);

    private static PaymentLedgerEntry Charge(string paymentId, int attempt, PaymentStatus status) =>
        new(paymentId, paymentId, PaymentKind.RecurringCharge, 9.00m, "USD", status, Submitted) { AttemptNumber = attempt };
}
