using Azure.Data.Tables;
using Azure.Data.Tables.Models;
using Microsoft.Extensions.Options;
using SmartRetry.Functions.Shared.Storage;
using SmartRetry.Testing.Storage;

namespace SmartRetry.Functions.Tests.Shared.Storage;

[Collection(AzuriteTests.Name)]
public sealed class PaymentsTablesTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Tables_are_named_after_the_prefix_and_created_on_first_use()
    {
        PaymentsTables tables = TestTables.Create(azurite);

        await tables.EnsureCreatedAsync(CancellationToken.None);

        List<string> existing = [];
        await foreach (TableItem item in azurite.TableService.QueryAsync())
        {
            existing.Add(item.Name);
        }

        Assert.All(tables.AllNames, name => Assert.Contains(name, existing));
    }

    [Fact]
    public async Task Concurrent_first_uses_share_one_table_client()
    {
        PaymentsTables tables = TestTables.Create(azurite);

        TableClient[] clients = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => tables.GetAsync(PaymentsTable.Ledger, CancellationToken.None)));

        Assert.All(clients, client => Assert.Same(clients[0], client));
    }

    [Theory]
    [InlineData(null, null, "srtest", "ConnectionString")]
    [InlineData("UseDevelopmentStorage=true", null, "1abc", "TableNamePrefix")]
    [InlineData("UseDevelopmentStorage=true", null, "with-dash", "TableNamePrefix")]
    [InlineData("UseDevelopmentStorage=true", null, "", "TableNamePrefix")]
    public void Invalid_storage_settings_fail_naming_the_setting(string? connectionString, string? uri, string prefix, string setting)
    {
        var options = new PaymentsStorageOptions
        {
            ConnectionString = connectionString,
            TableServiceUri = uri is null ? null : new Uri(uri),
            TableNamePrefix = prefix,
        };

        ValidateOptionsResult result = new PaymentsStorageOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Payments:Storage:" + setting, result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null, null, "Set exactly one of Payments:Storage:ConnectionString")]
    [InlineData("UseDevelopmentStorage=true", "https://srprod.table.core.windows.net", null, "Set exactly one of Payments:Storage:ConnectionString")]
    [InlineData(null, "http://srprod.table.core.windows.net", null, "Payments:Storage:TableServiceUri must be an absolute https URI")]
    [InlineData(null, "srprod.table.core.windows.net", null, "Payments:Storage:TableServiceUri must be an absolute https URI")]
    [InlineData(null, "https://srprod.table.core.windows.net", "not-a-guid", "Payments:Storage:ManagedIdentityClientId must be a client id")]
    [InlineData("UseDevelopmentStorage=true", null, "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b", "Payments:Storage:ManagedIdentityClientId applies only with")]
    public void Unusable_ways_to_reach_the_tables_fail_naming_the_setting(string? connectionString, string? uri, string? clientId, string expected)
    {
        var options = new PaymentsStorageOptions
        {
            ConnectionString = connectionString,
            TableServiceUri = uri is null ? null : new Uri(uri, UriKind.RelativeOrAbsolute),
            ManagedIdentityClientId = clientId,
            TableNamePrefix = "srtest",
        };

        ValidateOptionsResult result = new PaymentsStorageOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_table_endpoint_with_a_user_assigned_identity_is_a_valid_configuration()
    {
        var options = new PaymentsStorageOptions
        {
            TableServiceUri = new Uri("https://srprod.table.core.windows.net"),
            ManagedIdentityClientId = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b",
            TableNamePrefix = "srprod",
        };

        Assert.True(new PaymentsStorageOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void A_table_endpoint_alone_is_a_valid_configuration()
    {
        var options = new PaymentsStorageOptions { TableServiceUri = new Uri("https://account.table.core.windows.net"), TableNamePrefix = "srprod" };

        Assert.True(new PaymentsStorageOptionsValidator().Validate(null, options).Succeeded);
    }
}
