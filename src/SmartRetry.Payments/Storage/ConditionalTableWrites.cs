using Azure;
using Azure.Data.Tables;

namespace SmartRetry.Payments.Storage;

/// <summary>Optimistic concurrency on Azure Tables: a write that only lands on the row version the caller read.</summary>
internal static class ConditionalTableWrites
{
    /// <summary>
    /// Replaces the row when it still has <paramref name="version"/>; returns the new version, or null when another
    /// writer changed or deleted it first (the caller re-reads and re-decides).
    /// </summary>
    public static async Task<string?> TryReplaceIfUnchangedAsync(this TableClient table, ITableEntity entity, string version, CancellationToken cancellationToken)
    {
        try
        {
            Response response = await table.UpdateEntityAsync(entity, new ETag(version), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return response.Headers.ETag?.ToString() ?? version;
        }
        catch (RequestFailedException exception) when (exception.Status is 412 or 404)
        {
            return null;
        }
    }
}
