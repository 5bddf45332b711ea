using SmartRetry.Functions.Shared.Cards;
using SmartRetry.Functions.Shared.Series;
using SmartRetry.Functions.Shared.Storage;
using SmartRetry.Functions.Tests.Shared.Storage;
using SmartRetry.Testing.Storage;

namespace SmartRetry.Functions.Tests.Shared.Series;

[Collection(AzuriteTests.Name)]
public sealed class TableRecurringSeriesStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Created = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_series_reads_back_as_written_with_its_schedule()
    {
        var store = new TableRecurringSeriesStore(TestTables.Create(azurite));
        RecurringSeries series = Series("rs-a");

        await store.AddAsync(series, CancellationToken.None);

        Assert.Equal(series, await store.GetAsync("rs-a", CancellationToken.None));
        Assert.Null(await store.GetAsync("rs-missing", CancellationToken.None));
    }

    [Fact]
    public async Task Adding_an_existing_series_keeps_the_first_and_returns_it()
    {
        var store = new TableRecurringSeriesStore(TestTables.Create(azurite));
        await store.AddAsync(Series("rs-b"), CancellationToken.None);

        RecurringSeries stored = await store.AddAsync(Series("rs-b") with { Amount = 99m, RequestFingerprint = "other" }, CancellationToken.None);

        Assert.Equal((19.99m, "fp"), (stored.Amount, stored.RequestFingerprint));
    }

    [Fact]
    public async Task Concurrent_updates_never_lose_each_other()
    {
        var store = new TableRecurringSeriesStore(TestTables.Create(azurite));
        await store.AddAsync(Series("rs-c") with { LastSequence = 0 }, CancellationToken.None);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => store.UpdateAsync("rs-c", s => s with { LastSequence = s.LastSequence + 1 }, CancellationToken.None)));

        Assert.Equal(8, (await store.GetAsync("rs-c", CancellationToken.None))!.LastSequence);
    }

    [Fact]
    public async Task A_finished_series_never_becomes_active_again_through_a_late_workflow_write()
    {
        var store = new TableRecurringSeriesStore(TestTables.Create(azurite));
        await store.AddAsync(Series("rs-d") with { Status = RecurringSeriesStatus.Cancelled }, CancellationToken.None);

        RecurringSeries? after = await store.UpdateAsync(
            "rs-d", s => s.Apply(new SeriesChange("rs-d", new DateTime(2030, 2, 1, 0, 0, 0, DateTimeKind.Utc), RecurringSeriesStatus.Active)), CancellationToken.None);

        Assert.Equal(RecurringSeriesStatus.Cancelled, after!.Status);
        Assert.Null(await store.UpdateAsync("rs-missing", s => s, CancellationToken.None));
    }

    [Fact]
    public async Task The_row_holds_no_card_data_beyond_the_summary()
    {
        PaymentsTables tables = TestTables.Create(azurite);
        var store = new TableRecurringSeriesStore(tables);
        await store.AddAsync(Series("rs-e") with { Card = new CardSummary("tok", "1111", "411111", "Visa") }, CancellationToken.None);

        List<string> values = await TestTables.AllValuesAsync(tables);

        Assert.Contains("Status=Active", values);
        Assert.Contains(values, v => v.Contains("\"last_four\":\"1111\"", StringComparison.Ordinal));
        Assert.DoesNotContain(values, v => v.Contains("4111111111111111", StringComparison.Ordinal));
    }

    private static RecurringSeries Series(string id) => new(
        id, SeriesManagement.Merchant, RecurringSeriesStatus.Active, 19.99m, "EUR", "fp", Created, Created,
        new SeriesSchedule(new DateOnly(2030, 1, 31), RecurrenceFrequency.Monthly, 1, 12, null, new TimeOnly(9, 0), "Europe/Berlin"),
        RecurringId: "RC000001");
}
