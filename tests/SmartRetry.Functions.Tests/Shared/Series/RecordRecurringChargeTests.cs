using Moq;
using SmartRetry.Functions.Shared.Gateway;
using SmartRetry.Functions.Shared.Ledger;
using SmartRetry.Functions.Shared.Series;

namespace SmartRetry.Functions.Tests.Shared.Series;

public sealed class RecordRecurringChargeTests
{
    [Fact]
    public async Task A_merchant_series_charge_keeps_its_calendar_due_date_as_the_ledger_scheduled_time()
    {
        var ledger = new Mock<IPaymentLedger>();
        PaymentLedgerEntry? written = null;
        ledger.Setup(l => l.RecordAsync(It.IsAny<PaymentLedgerEntry>(), It.IsAny<CancellationToken>()))
            .Callback((PaymentLedgerEntry entry, CancellationToken _) => written = entry)
            .ReturnsAsync(true);
        DateTime recordedAt = new(2030, 1, 1, 0, 0, 30, DateTimeKind.Utc);
        DateTime dueAt = new(2030, 1, 31, 9, 30, 0, DateTimeKind.Utc);

        await new RecordRecurringCharge(ledger.Object).RunAsync(
            new ChargeRecord("rs-x-c2-a1", "rs-x", 9m, "USD", SmartRetryStatus.Approved, recordedAt, "T0000001", AttemptNumber: 1, DueAtUtc: dueAt),
            CancellationToken.None);

        Assert.Equal((new DateTimeOffset(dueAt), new DateTimeOffset(recordedAt)), (written!.ScheduledAt, written.UpdatedAt));
        Assert.Equal((PaymentKind.RecurringCharge, PaymentStatus.Approved), (written.Kind, written.Status));
    }
}
