using Azure;
using Azure.Data.Tables;

namespace SmartRetry.Functions.Shared.Storage;

/// <summary>Writes that decide races on Azure Tables: insert-if-absent, and replace only the row version the caller read.</summary>
internal static class ConditionalTableWrites
{
    /// <summary>Inserts the row unless one with its keys exists; returns the new version, or null when the row was already there.</summary>
    public static async Task<string?> TryInsertAsync(this TableClient table, ITableEntity entity, CancellationToken cancellationToken)
    {
        try
        {
            Response response = await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return response.Headers.ETag?.ToString() ?? "";
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            return null;
        }
    }

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
