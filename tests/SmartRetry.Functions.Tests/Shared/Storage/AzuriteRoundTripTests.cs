using Azure;
using Azure.Data.Tables;
using SmartRetry.Testing.Storage;

namespace SmartRetry.Functions.Tests.Shared.Storage;

[Collection(AzuriteTests.Name)]
public sealed class AzuriteRoundTripTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_row_written_to_a_table_reads_back_with_its_values()
    {
        TableClient table = await azurite.CreateTableAsync("roundtrip");
        var row = new TableEntity("partition-a", "row-1") { ["Amount"] = "49.99", ["Currency"] = "USD" };

        await table.AddEntityAsync(row);
        Response<TableEntity> read = await table.GetEntityAsync<TableEntity>("partition-a", "row-1");

        Assert.Equal("49.99", read.Value.GetString("Amount"));
        Assert.Equal("USD", read.Value.GetString("Currency"));
    }

    [Fact]
    public async Task Each_table_name_is_new_so_tests_never_share_rows()
    {
        TableClient first = await azurite.CreateTableAsync("isolation");
        TableClient second = await azurite.CreateTableAsync("isolation");
        await first.AddEntityAsync(new TableEntity("p", "r"));

        Assert.NotEqual(first.Name, second.Name);
        Assert.Empty(second.Query<TableEntity>().ToList());
    }
}
