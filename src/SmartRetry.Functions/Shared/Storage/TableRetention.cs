using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;

namespace SmartRetry.Functions.Shared.Storage;

/// <summary>Deletes the rows of a table whose date property is older than a cut-off: housekeeping for tables that only grow.</summary>
internal static class TableRetention
{
    private static readonly string[] KeysOnly = ["PartitionKey", "RowKey"];

    /// <summary>
    /// Deletes every row whose <paramref name="dateProperty"/> is before <paramref name="before"/>, each under the version
    /// read, so a row changed meanwhile is kept. Returns how many rows were deleted.
    /// </summary>
    public static async Task<int> DeleteOlderThanAsync(this TableClient table, string dateProperty, DateTimeOffset before, CancellationToken cancellationToken)
    {
        string filter = TableClient.CreateQueryFilter(FormattableStringFactory.Create(dateProperty + " lt {0}", before));
        int deleted = 0;
        await foreach (TableEntity row in table.QueryAsync<TableEntity>(filter, select: KeysOnly, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            try
            {
                await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken).ConfigureAwait(false);
                deleted++;
            }
            catch (RequestFailedException exception) when (exception.Status is 404 or 412)
            {
                // Deleted or changed by someone else since the query: nothing left for us to do with it.
            }
        }

        return deleted;
    }
}
