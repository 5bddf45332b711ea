using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using SmartRetry.Functions.Shared.Ledger;
using SmartRetry.Functions.Shared.Storage;
using SmartRetry.Testing.Storage;

namespace SmartRetry.Functions.Tests.Shared.Storage;

/// <summary>A fresh set of Payments tables per test: a table-name prefix nobody else uses.</summary>
internal static class TestTables
{
    public static PaymentsTables Create(AzuriteFixture azurite) =>
        new(azurite.TableService, Options.Create(new PaymentsStorageOptions { TableNamePrefix = azurite.NewTableName("p") }));

    /// <summary>The index of unresolved payments over <paramref name="tables"/>, with the reconciler's default settings.</summary>
    public static TableUnresolvedPayments Unresolved(PaymentsTables tables, TimeProvider time, ReconciliationOptions? options = null) =>
        new(tables, Options.Create(options ?? new ReconciliationOptions { Schedule = "0 * * * * *" }), time);

    /// <summary>Every property value of every row in every Payments table, as text.</summary>
    public static async Task<List<string>> AllValuesAsync(PaymentsTables tables)
    {
        var values = new List<string>();
        foreach (PaymentsTable table in Enum.GetValues<PaymentsTable>())
        {
            TableClient client = await tables.GetAsync(table, CancellationToken.None);
            await foreach (TableEntity row in client.QueryAsync<TableEntity>())
            {
                foreach ((string name, object value) in row)
                {
                    values.Add(name + "=" + (value is byte[] bytes ? System.Text.Encoding.UTF8.GetString(bytes) : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)));
                }
            }
        }

        return values;
    }
}
