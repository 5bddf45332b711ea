using SmartRetry.Functions.Shared.Cards;
using SmartRetry.Functions.Shared.Gateway;
using SmartRetry.Functions.Shared.Ledger;
using SmartRetry.Functions.Shared.Storage;
using SmartRetry.Functions.Tests.Shared.Cards;
using SmartRetry.Functions.Tests.Shared.Storage;
using SmartRetry.Testing.Storage;

namespace SmartRetry.Functions.Tests.Shared.Ledger;

[Collection(AzuriteTests.Name)]
public sealed class TablePaymentLedgerTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 22, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_new_payment_is_recorded_and_reads_back_whole()
    {
        var ledger = new TablePaymentLedger(TestTables.Create(azurite));
        PaymentLedgerEntry entry = Entry(PaymentStatus.Approved) with
        {
            TransactionId = "TX8A3F2C",
            OrderId = "OR7B9E1D",
            ReasonCode = "AUTH.APPROVED",
            AttemptNumber = 2,
            Card = new CardSummary("tok", "1111", "411111", "visa"),
            Note = "n",
            ScheduledAt = Now.AddDays(1),
            OriginalPaymentId = "sale-original",
        };

        Assert.True(await ledger.RecordAsync(entry, CancellationToken.None));

        Assert.Equal(entry, await ledger.GetAsync(entry.PaymentId, CancellationToken.None));
    }

    /// <summary>Whoever settles a sale (its orchestration, the reconciler), no card of a final payment stays in the vault; a status still open keeps it.</summary>
    [Fact]
    public async Task A_sales_final_status_forgets_its_card_even_when_the_write_is_a_repeat()
    {
        PaymentsTables tables = TestTables.Create(azurite);
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now);
        var cards = new TableCardVault(tables, new AesGcmCardSealer(Cards.AesGcmCardSealerTests.KeyRing([("k1", Cards.AesGcmCardSealerTests.NewKey())], current: "k1")), time);
        var ledger = new TablePaymentLedger(tables, cards: cards);
        var card = new CardDetails("4111111111111111", 12, 2031, "737", null);
        await cards.HoldAsync("sale-1", card, Now.AddHours(23), CancellationToken.None);

        await ledger.RecordAsync(Entry(PaymentStatus.Processing), CancellationToken.None);
        Assert.NotNull((await cards.OpenAsync<SmartRetry.Functions.Shared.Gateway.PaymentSubmissionResult>("sale-1", CancellationToken.None)).Card);

        await ledger.RecordAsync(Entry(PaymentStatus.Approved), CancellationToken.None);
        Assert.Null((await cards.OpenAsync<SmartRetry.Functions.Shared.Gateway.PaymentSubmissionResult>("sale-1", CancellationToken.None)).Card);

        await cards.HoldAsync("sale-1", card, Now.AddHours(23), CancellationToken.None);
        Assert.False(await ledger.RecordAsync(Entry(PaymentStatus.Approved), CancellationToken.None));
        Assert.Null((await cards.OpenAsync<SmartRetry.Functions.Shared.Gateway.PaymentSubmissionResult>("sale-1", CancellationToken.None)).Card);
    }

    [Fact]
    public async Task An_unknown_payment_reads_as_null()
    {
        var ledger = new TablePaymentLedger(TestTables.Create(azurite));

        Assert.Null(await ledger.GetAsync("sale-none", CancellationToken.None));
    }

    [Fact]
    public async Task A_status_moves_forward_and_keeps_facts_the_later_write_does_not_repeat()
    {
        var ledger = new TablePaymentLedger(TestTables.Create(azurite));
        await ledger.RecordAsync(Entry(PaymentStatus.Submitted) with { TransactionId = "TX8A3F2C", ScheduledAt = Now }, CancellationToken.None);

        Assert.True(await ledger.RecordAsync(Entry(PaymentStatus.Approved) with { ReasonCode = "AUTH.APPROVED" }, CancellationToken.None));

        PaymentLedgerEntry? read = await ledger.GetAsync("sale-1", CancellationToken.None);
        Assert.Equal(PaymentStatus.Approved, read!.Status);
        Assert.Equal("TX8A3F2C", read.TransactionId);
        Assert.Equal(Now, read.ScheduledAt);
        Assert.Equal("AUTH.APPROVED", read.ReasonCode);
    }

    [Theory]
    [InlineData(PaymentStatus.Approved, PaymentStatus.Processing)]
    [InlineData(PaymentStatus.Declined, PaymentStatus.Approved)]
    [InlineData(PaymentStatus.Processing, PaymentStatus.Processing)]
    [InlineData(PaymentStatus.NeedsAttention, PaymentStatus.Submitted)]
    public async Task A_stale_or_repeated_status_is_ignored(PaymentStatus first, PaymentStatus late)
    {
        var ledger = new TablePaymentLedger(TestTables.Create(azurite));
        await ledger.RecordAsync(Entry(first) with { ReasonCode = "first" }, CancellationToken.None);

        Assert.False(await ledger.RecordAsync(Entry(late) with { ReasonCode = "late" }, CancellationToken.None));

        PaymentLedgerEntry? read = await ledger.GetAsync("sale-1", CancellationToken.None);
        Assert.Equal(first, read!.Status);
        Assert.Equal("first", read.ReasonCode);
    }

    [Fact]
    public async Task A_final_status_settles_a_payment_that_needed_attention()
    {
        var ledger = new TablePaymentLedger(TestTables.Create(azurite));
        await ledger.RecordAsync(Entry(PaymentStatus.NeedsAttention), CancellationToken.None);

        Assert.True(await ledger.RecordAsync(Entry(PaymentStatus.Declined), CancellationToken.None));
    }

    [Fact]
    public async Task Concurrent_writers_in_any_order_end_on_the_furthest_status_and_each_status_is_applied_at_most_once()
    {
        var ledger = new TablePaymentLedger(TestTables.Create(azurite));
        PaymentStatus[] statuses =
        [
            .. Enumerable.Repeat(PaymentStatus.Scheduled, 10), .. Enumerable.Repeat(PaymentStatus.Submitted, 10),
            .. Enumerable.Repeat(PaymentStatus.Processing, 10), .. Enumerable.Repeat(PaymentStatus.Approved, 10),
        ];

        bool[] applied = await Task.WhenAll(statuses.Reverse().Select(status => Task.Run(() => ledger.RecordAsync(Entry(status), CancellationToken.None))));

        Assert.Equal(PaymentStatus.Approved, (await ledger.GetAsync("sale-1", CancellationToken.None))!.Status);
        Assert.InRange(applied.Count(a => a), 1, 4);
        Assert.Equal(1, statuses.Reverse().Zip(applied).Count(pair => pair.First == PaymentStatus.Approved && pair.Second));
    }

    private static PaymentLedgerEntry Entry(PaymentStatus status) =>
        new("sale-1", "order-42", PaymentKind.Sale, 49.99m, "USD", status, Now);
}
