using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using SmartRetry.Functions.Series.MerchantManaged;
using SmartRetry.Functions.Shared.Cards;
using SmartRetry.Functions.Shared.Storage;
using SmartRetry.Functions.Tests.Shared.Cards;
using SmartRetry.Functions.Tests.Shared.Storage;
using SmartRetry.Testing.Storage;

namespace SmartRetry.Functions.Tests.Series.MerchantManaged;

[Collection(AzuriteTests.Name)]
public sealed class TableCardAttemptStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTime Start = new(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly string Card = CardFingerprinterTests.Fingerprinter(CardFingerprinterTests.NewKey()).Compute(new CardDetails("4111111111111111", 12, 2030, null, null));

    [Fact]
    public async Task A_card_gets_at_most_the_limit_in_any_30_days_and_room_again_once_the_oldest_attempt_is_older()
    {
        var store = new TableCardAttemptStore(TestTables.Create(azurite));

        for (int day = 0; day < 3; day++)
        {
            Assert.True(await store.TryReserveAsync(Card, $"a{day}", Start.AddDays(day), 3, CancellationToken.None));
        }

        Assert.False(await store.TryReserveAsync(Card, "a3", Start.AddDays(30), 3, CancellationToken.None));
        Assert.True(await store.TryReserveAsync(Card, "a3", Start.AddDays(30).AddSeconds(1), 3, CancellationToken.None));
        Assert.True(await store.TryReserveAsync("another-card", "b0", Start.AddDays(30), 3, CancellationToken.None));
    }

    [Fact]
    public async Task Reserving_the_same_attempt_again_is_granted_and_counted_once()
    {
        var store = new TableCardAttemptStore(TestTables.Create(azurite));

        Assert.True(await store.TryReserveAsync(Card, "a1", Start, 2, CancellationToken.None));
        Assert.True(await store.TryReserveAsync(Card, "a1", Start, 2, CancellationToken.None));
        Assert.True(await store.TryReserveAsync(Card, "a2", Start.AddHours(1), 2, CancellationToken.None));
        Assert.True(await store.TryReserveAsync(Card, "a1", Start, 2, CancellationToken.None));
        Assert.False(await store.TryReserveAsync(Card, "a3", Start.AddHours(2), 2, CancellationToken.None));
    }

    [Fact]
    public async Task A_released_approved_attempt_no_longer_counts_and_a_late_duplicate_reservation_does_not_count_it_again()
    {
        var store = new TableCardAttemptStore(TestTables.Create(azurite));
        await store.TryReserveAsync(Card, "a1", Start, 1, CancellationToken.None);
        Assert.False(await store.TryReserveAsync(Card, "a2", Start.AddHours(1), 1, CancellationToken.None));

        await store.ReleaseAsync(Card, "a1", CancellationToken.None);
        await store.ReleaseAsync(Card, "a1", CancellationToken.None);
        await store.ReleaseAsync("never-reserved", "x", CancellationToken.None);

        Assert.True(await store.TryReserveAsync(Card, "a1", Start, 1, CancellationToken.None));
        Assert.True(await store.TryReserveAsync(Card, "a2", Start.AddHours(1), 1, CancellationToken.None));
        Assert.False(await store.TryReserveAsync(Card, "a3", Start.AddHours(2), 1, CancellationToken.None));
    }

    [Theory]
    [InlineData(20, 19)]
    [InlineData(1, 0)]
    public async Task Of_concurrent_reservations_for_the_last_slot_exactly_one_is_granted(int limit, int alreadyReserved)
    {
        string prefix = azurite.NewTableName("p");
        for (int round = 0; round < 5; round++)
        {
            string card = $"{Card}-{round}";
            var first = new TableCardAttemptStore(Tables(prefix));
            for (int i = 0; i < alreadyReserved; i++)
            {
                Assert.True(await first.TryReserveAsync(card, $"earlier-{i}", Start.AddHours(i), limit, CancellationToken.None));
            }

            // Separate stores, as separate series' activities on separate workers would be.
            TableCardAttemptStore[] racers = [.. Enumerable.Range(0, 6).Select(_ => new TableCardAttemptStore(Tables(prefix)))];
            bool[] granted = await Task.WhenAll(racers.Select((store, i) => store.TryReserveAsync(card, $"racer-{i}", Start.AddDays(1), limit, CancellationToken.None)));

            Assert.Equal(1, granted.Count(g => g));
        }
    }

    [Fact]
    public async Task The_row_keeps_only_recent_attempts_and_no_card_data()
    {
        PaymentsTables tables = TestTables.Create(azurite);
        var store = new TableCardAttemptStore(tables);
        for (int day = 0; day < 5; day++)
        {
            await store.TryReserveAsync(Card, $"rs-1-c{day}-a1", Start.AddDays(day), 20, CancellationToken.None);
        }

        await store.TryReserveAsync(Card, "rs-1-c40-a1", Start.AddDays(40), 20, CancellationToken.None);

        TableClient table = await tables.GetAsync(PaymentsTable.CardAttempts, CancellationToken.None);
        TableEntity row = Assert.Single(await table.QueryAsync<TableEntity>().ToListAsync());
        Assert.Contains("rs-1-c40-a1", row.GetString("Attempts"), StringComparison.Ordinal);
        Assert.DoesNotContain("rs-1-c4-a1", row.GetString("Attempts"), StringComparison.Ordinal);
        Assert.DoesNotContain(await TestTables.AllValuesAsync(tables), v => v.Contains("4111111111111111", StringComparison.Ordinal) || v.Contains("411111", StringComparison.Ordinal));
    }

    private PaymentsTables Tables(string prefix) => new(azurite.TableService, Options.Create(new PaymentsStorageOptions { TableNamePrefix = prefix }));
}
