using Microsoft.Extensions.Time.Testing;
using SmartRetry.Functions.Shared.Ledger;
using SmartRetry.Functions.Shared.Storage;
using SmartRetry.Functions.Tests.Shared.Storage;
using SmartRetry.Testing.Storage;

namespace SmartRetry.Functions.Tests.Shared.Ledger;

/// <summary>The index of unresolved payments as the ledger keeps it: every non-final payment watched, none that is final.</summary>
[Collection(AzuriteTests.Name)]
public sealed class TableUnresolvedPaymentsTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider time = new(Now);
    private readonly ReconciliationOptions options = new() { Schedule = "0 * * * * *" };

    [Fact]
    public async Task A_payment_is_watched_from_its_scheduled_row_until_its_final_one()
    {
        (TablePaymentLedger ledger, TableUnresolvedPayments index) = Create();

        await ledger.RecordAsync(Entry("sale-1", PaymentStatus.Scheduled), CancellationToken.None);
        UnresolvedPayment watched = (await index.GetAsync("sale-1", CancellationToken.None))!;
        await ledger.RecordAsync(Entry("sale-1", PaymentStatus.Processing), CancellationToken.None);
        Assert.Equal(watched, await index.GetAsync("sale-1", CancellationToken.None));
        await ledger.RecordAsync(Entry("sale-1", PaymentStatus.Approved), CancellationToken.None);

        Assert.Equal((PaymentKind.Sale, Now, Now + options.FirstCheckAfter, 0), (watched.Kind, watched.Since, watched.NextCheckAt, watched.Attempts));
        Assert.Null(await index.GetAsync("sale-1", CancellationToken.None));
    }

    [Fact]
    public async Task A_future_dated_payment_is_first_looked_at_after_it_falls_due()
    {
        (TablePaymentLedger ledger, TableUnresolvedPayments index) = Create();

        await ledger.RecordAsync(Entry("sale-2", PaymentStatus.Scheduled) with { ScheduledAt = Now.AddDays(3) }, CancellationToken.None);

        Assert.Equal(Now.AddDays(3) + options.FirstCheckAfter, (await index.GetAsync("sale-2", CancellationToken.None))!.NextCheckAt);
    }

    [Theory]
    [InlineData(PaymentStatus.NeedsAttention)]
    [InlineData(PaymentStatus.DeadlineReached)]
    public async Task A_payment_its_workflow_left_unresolved_is_looked_at_soon_even_if_first_recorded_so(PaymentStatus unresolved)
    {
        (TablePaymentLedger ledger, TableUnresolvedPayments index) = Create();

        await ledger.RecordAsync(Entry("sale-3", PaymentStatus.Scheduled), CancellationToken.None);
        await ledger.RecordAsync(Entry("sale-3", unresolved), CancellationToken.None);
        await ledger.RecordAsync(Entry("rs-1-c1", unresolved) with { Kind = PaymentKind.RecurringCharge }, CancellationToken.None);

        Assert.Equal(Now + options.FirstRetryDelay, (await index.GetAsync("sale-3", CancellationToken.None))!.NextCheckAt);
        Assert.Equal(Now + options.FirstRetryDelay, (await index.GetAsync("rs-1-c1", CancellationToken.None))!.NextCheckAt);
    }

    [Fact]
    public async Task Only_what_is_due_and_not_left_to_a_person_is_due_earliest_first()
    {
        (TablePaymentLedger ledger, TableUnresolvedPayments index) = Create();
        await ledger.RecordAsync(Entry("sale-late", PaymentStatus.Scheduled), CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(1));
        await ledger.RecordAsync(Entry("sale-early", PaymentStatus.DeadlineReached), CancellationToken.None);
        await ledger.RecordAsync(Entry("sale-later", PaymentStatus.Scheduled) with { ScheduledAt = Now.AddDays(1) }, CancellationToken.None);
        await ledger.RecordAsync(Entry("sale-given-up", PaymentStatus.NeedsAttention), CancellationToken.None);
        UnresolvedPayment givenUp = (await index.GetAsync("sale-given-up", CancellationToken.None))!;
        await index.TryUpdateAsync(givenUp, givenUp with { Exhausted = true, Attempts = 12, NextCheckAt = DateTimeOffset.MaxValue }, CancellationToken.None);

        IReadOnlyList<UnresolvedPayment> due = await index.DueAsync(Now + TimeSpan.FromHours(1), 10, CancellationToken.None);

        Assert.Equal(["sale-early", "sale-late"], due.Select(p => p.PaymentId));
        Assert.Single(await index.DueAsync(Now + TimeSpan.FromHours(1), 1, CancellationToken.None));
    }

    [Fact]
    public async Task A_look_asked_for_comes_now_and_only_for_a_watched_payment()
    {
        (TablePaymentLedger ledger, TableUnresolvedPayments index) = Create();
        await ledger.RecordAsync(Entry("sale-4", PaymentStatus.Scheduled), CancellationToken.None);

        Assert.True(await index.CheckSoonAsync("sale-4", CancellationToken.None));
        Assert.False(await index.CheckSoonAsync("sale-unknown", CancellationToken.None));

        Assert.Equal(Now, (await index.GetAsync("sale-4", CancellationToken.None))!.NextCheckAt);
    }

    [Fact]
    public async Task A_change_made_on_a_stale_read_is_refused()
    {
        (TablePaymentLedger ledger, TableUnresolvedPayments index) = Create();
        await ledger.RecordAsync(Entry("sale-5", PaymentStatus.Scheduled), CancellationToken.None);
        UnresolvedPayment read = (await index.GetAsync("sale-5", CancellationToken.None))!;

        Assert.NotNull(await index.TryUpdateAsync(read, read with { Attempts = 1 }, CancellationToken.None));
        Assert.Null(await index.TryUpdateAsync(read, read with { Attempts = 2 }, CancellationToken.None));
        Assert.Equal(1, (await index.GetAsync("sale-5", CancellationToken.None))!.Attempts);
    }

    private (TablePaymentLedger Ledger, TableUnresolvedPayments Index) Create()
    {
        PaymentsTables tables = TestTables.Create(azurite);
        TableUnresolvedPayments index = TestTables.Unresolved(tables, time, options);
        return (new TablePaymentLedger(tables, unresolved: index), index);
    }

    private PaymentLedgerEntry Entry(string paymentId, PaymentStatus status) =>
        new(paymentId, "order-1", PaymentKind.Sale, 10m, "EUR", status, time.GetUtcNow());
}
