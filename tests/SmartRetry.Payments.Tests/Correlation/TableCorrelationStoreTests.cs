using SmartRetry.Payments.Correlation;
using SmartRetry.Payments.Tests.Storage;
using SmartRetry.Testing.Storage;

namespace SmartRetry.Payments.Tests.Correlation;

[Collection(AzuriteTests.Name)]
public sealed class TableCorrelationStoreTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_recorded_correlation_is_found_and_others_are_not()
    {
        var store = new TableCorrelationStore(TestTables.Create(azurite));

        Assert.Equal("sale-1", await store.AddAsync(CorrelationKind.Transaction, "TX8A3F2C", "sale-1", CancellationToken.None));

        Assert.Equal("sale-1", await store.FindInstanceAsync(CorrelationKind.Transaction, "TX8A3F2C", CancellationToken.None));
        Assert.Null(await store.FindInstanceAsync(CorrelationKind.Recurring, "TX8A3F2C", CancellationToken.None));
        Assert.Null(await store.FindInstanceAsync(CorrelationKind.Transaction, "TXOTHER1", CancellationToken.None));
    }

    [Fact]
    public async Task The_first_mapping_stands_and_later_ones_learn_it()
    {
        var store = new TableCorrelationStore(TestTables.Create(azurite));
        await store.AddAsync(CorrelationKind.Recurring, "RC9F4A2B", "series-1", CancellationToken.None);

        Assert.Equal("series-1", await store.AddAsync(CorrelationKind.Recurring, "RC9F4A2B", "series-2", CancellationToken.None));
        Assert.Equal("series-1", await store.AddAsync(CorrelationKind.Recurring, "RC9F4A2B", "series-1", CancellationToken.None));
    }

    [Fact]
    public async Task Concurrent_writers_all_learn_the_single_winner()
    {
        var store = new TableCorrelationStore(TestTables.Create(azurite));

        string[] answers = await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            Task.Run(() => store.AddAsync(CorrelationKind.FutureTransaction, "FT3D8E1C", $"instance-{i}", CancellationToken.None))));

        Assert.Single(answers.Distinct());
        Assert.Equal(answers[0], await store.FindInstanceAsync(CorrelationKind.FutureTransaction, "FT3D8E1C", CancellationToken.None));
    }

    [Fact]
    public async Task Ids_with_characters_illegal_in_keys_still_correlate()
    {
        var store = new TableCorrelationStore(TestTables.Create(azurite));

        await store.AddAsync(CorrelationKind.Transaction, "odd/id#1?", "sale-9", CancellationToken.None);

        Assert.Equal("sale-9", await store.FindInstanceAsync(CorrelationKind.Transaction, "odd/id#1?", CancellationToken.None));
    }
}
