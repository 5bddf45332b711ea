using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using SmartRetry.Functions.Refunds;
using SmartRetry.Functions.Shared.Charges;
using SmartRetry.Functions.Shared.Durable;
using SmartRetry.Functions.Shared.Idempotency;
using SmartRetry.Functions.Shared.Ledger;
using SmartRetry.Functions.Shared.Problems;
using SmartRetry.Functions.Shared.Storage;
using SmartRetry.Functions.Shared.Tracking;
using SmartRetry.Functions.Tests.Sales;
using SmartRetry.Functions.Tests.Shared.Storage;
using SmartRetry.Functions.Tests.TestHost;
using SmartRetry.Testing.Storage;

namespace SmartRetry.Functions.Tests.Refunds;

/// <summary>The refund handler over real Azurite tables, a virtual clock, a Moq orchestration client and captured logs, with one approved sale on record.</summary>
internal sealed class RefundHarness
{
    public static readonly string SalePaymentId = SaleInstanceIds.For("order-42");

    public RefundHarness(AzuriteFixture azurite)
    {
        Tables = TestTables.Create(azurite);
        Ledger = new TablePaymentLedger(Tables);
        Reservations = new TableRefundReservations(Tables);
        Idempotency = new TableIdempotencyStore(Tables);
        Handler = new RefundSubmissionHandler(
            Ledger,
            Reservations,
            new RequestClaims(Idempotency, new FakeLogger<RequestClaims>(Logs)),
            Options.Create(Requests),
            Options.Create(Tracking),
            Time,
            new FakeLogger<RefundSubmissionHandler>(Logs));
    }

    public FakeTimeProvider Time { get; } = new(TestSales.Now);

    public FakeLogCollector Logs { get; } = new();

    public PaymentRequestOptions Requests { get; } = new();

    public TrackingOptions Tracking { get; } = new();

    public PaymentsTables Tables { get; }

    public TablePaymentLedger Ledger { get; }

    public TableRefundReservations Reservations { get; }

    public TableIdempotencyStore Idempotency { get; }

    public RecordingDurableClient Durable { get; } = new();

    public ConcurrentQueue<(string Name, string InstanceId, object? Input)> Scheduled => Durable.Scheduled;

    public RefundSubmissionHandler Handler { get; }

    public Task RecordSaleAsync(PaymentStatus status = PaymentStatus.Approved, string currency = "USD") =>
        Ledger.RecordAsync(
            new PaymentLedgerEntry(SalePaymentId, "order-42", PaymentKind.Sale, 49.99m, currency, status, TestSales.Now, "TX8A3F2C", "OR7B9E1D"),
            CancellationToken.None);

    public Task<HandlerResult<RefundAccepted>> RefundAsync(string body, string? paymentId = null) =>
        Handler.SubmitAsync(Durable, paymentId ?? SalePaymentId, Encoding.UTF8.GetBytes(body), CancellationToken.None);

    public RefundInput SingleScheduledInput()
    {
        (string name, string _, object? input) = Assert.Single(Scheduled);
        Assert.Equal(nameof(RefundWorkflow), name);
        return Assert.IsType<RefundInput>(input);
    }
}
