using Azure.Data.Tables;
using SmartRetry.Functions.Shared.Correlation;
using SmartRetry.Functions.Shared.Storage;
using SmartRetry.Functions.Tests.Shared.Storage;
using SmartRetry.Testing.Storage;

namespace SmartRetry.Functions.Tests.Shared.Correlation;

[Collection(AzuriteTests.Name)]
public sealed class TableCorrelationStoreTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_recorded_correlation_is_found_and_others_are_not()
    {
        using var store = new TableCorrelationStore(TestTables.Create(azurite));

        Assert.Equal("sale-1", await store.AddAsync(CorrelationKind.Transaction, "TX8A3F2C", "sale-1", CancellationToken.None));

        Assert.Equal("sale-1", (await store.FindAsync(CorrelationKind.Transaction, "TX8A3F2C", CancellationToken.None))?.InstanceId);
        Assert.Null((await store.FindAsync(CorrelationKind.Recurring, "TX8A3F2C", CancellationToken.None))?.InstanceId);
        Assert.Null((await store.FindAsync(CorrelationKind.Transaction, "TXOTHER1", CancellationToken.None))?.InstanceId);
    }

    [Fact]
    public async Task The_first_mapping_stands_and_later_ones_learn_it()
    {
        using var store = new TableCorrelationStore(TestTables.Create(azurite));
        await store.AddAsync(CorrelationKind.Recurring, "RC9F4A2B", "series-1", CancellationToken.None);

        Assert.Equal("series-1", await store.AddAsync(CorrelationKind.Recurring, "RC9F4A2B", "series-2", CancellationToken.None));
        Assert.Equal("series-1", await store.AddAsync(CorrelationKind.Recurring, "RC9F4A2B", "series-1", CancellationToken.None));
    }

    [Fact]
    public async Task Concurrent_writers_all_learn_the_single_winner()
    {
        using var store = new TableCorrelationStore(TestTables.Create(azurite));

        string[] answers = await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            Task.Run(() => store.AddAsync(CorrelationKind.FutureTransaction, "FT3D8E1C", $"instance-{i}", CancellationToken.None))));

        Assert.Single(answers.Distinct());
        Assert.Equal(answers[0], (await store.FindAsync(CorrelationKind.FutureTransaction, "FT3D8E1C", CancellationToken.None))?.InstanceId);
    }

    [Fact]
    public async Task Ids_with_characters_illegal_in_keys_still_correlate()
    {
        using var store = new TableCorrelationStore(TestTables.Create(azurite));

        await store.AddAsync(CorrelationKind.Transaction, "odd/id#1?", "sale-9", CancellationToken.None);

        Assert.Equal("sale-9", (await store.FindAsync(CorrelationKind.Transaction, "odd/id#1?", CancellationToken.None))?.InstanceId);
    }

    [Fact]
    public async Task A_correlation_once_written_or_found_is_served_from_memory()
    {
        PaymentsTables tables = TestTables.Create(azurite);
        using var writer = new TableCorrelationStore(tables);
        using var reader = new TableCorrelationStore(tables);
        await writer.AddAsync(CorrelationKind.Transaction, "TX8A3F2C", "sale-1", CancellationToken.None);
        Assert.Equal("sale-1", (await reader.FindAsync(CorrelationKind.Transaction, "TX8A3F2C", CancellationToken.None))?.InstanceId);

        await DeleteAllAsync(tables);

        Assert.Equal("sale-1", (await writer.FindAsync(CorrelationKind.Transaction, "TX8A3F2C", CancellationToken.None))?.InstanceId);
        Assert.Equal("sale-1", (await reader.FindAsync(CorrelationKind.Transaction, "TX8A3F2C", CancellationToken.None))?.InstanceId);
        using var fresh = new TableCorrelationStore(tables);
        Assert.Null((await fresh.FindAsync(CorrelationKind.Transaction, "TX8A3F2C", CancellationToken.None))?.InstanceId);
    }

    [Fact]
    public async Task A_correlation_not_found_is_looked_up_again_next_time()
    {
        PaymentsTables tables = TestTables.Create(azurite);
        using var reader = new TableCorrelationStore(tables);
        using var writer = new TableCorrelationStore(tables);
        Assert.Null(await reader.FindAsync(CorrelationKind.Transaction, "TX5E6F7A", CancellationToken.None));

        await writer.AddAsync(CorrelationKind.Transaction, "TX5E6F7A", "sale-2", CancellationToken.None);

        Assert.Equal("sale-2", (await reader.FindAsync(CorrelationKind.Transaction, "TX5E6F7A", CancellationToken.None))?.InstanceId);
    }

    [Fact]
    public async Task A_finished_instance_is_remembered_with_its_correlation_in_this_process_only()
    {
        PaymentsTables tables = TestTables.Create(azurite);
        using var store = new TableCorrelationStore(tables);
        await store.AddAsync(CorrelationKind.Transaction, "TX8A3F2C", "sale-1", CancellationToken.None);
        await store.AddAsync(CorrelationKind.Transaction, "TX5E6F7A", "sale-2", CancellationToken.None);

        store.RememberFinished(CorrelationKind.Transaction, "TX8A3F2C");

        Assert.True((await store.FindAsync(CorrelationKind.Transaction, "TX8A3F2C", CancellationToken.None))!.InstanceFinished);
        Assert.False((await store.FindAsync(CorrelationKind.Transaction, "TX5E6F7A", CancellationToken.None))!.InstanceFinished);
        using var other = new TableCorrelationStore(tables);
        Assert.False((await other.FindAsync(CorrelationKind.Transaction, "TX8A3F2C", CancellationToken.None))!.InstanceFinished);
    }

    private static async Task DeleteAllAsync(PaymentsTables tables)
    {
        TableClient table = await tables.GetAsync(PaymentsTable.Correlations, CancellationToken.None);
        await foreach (TableEntity row in table.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
        {
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey);
        }
    }
}
