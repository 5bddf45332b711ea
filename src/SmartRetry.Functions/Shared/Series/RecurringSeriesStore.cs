using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using SmartRetry.Functions.Shared.Serialization;
using SmartRetry.Functions.Shared.Storage;

namespace SmartRetry.Functions.Shared.Series;

/// <summary>Recurring series records. Updates use optimistic concurrency, so concurrent writers never lose each other's changes.</summary>
public interface IRecurringSeriesStore
{
    Task<RecurringSeries?> GetAsync(string seriesId, CancellationToken cancellationToken);

    /// <summary>Insert-if-absent. Returns the record now stored: <paramref name="series"/>, or the one that was already there.</summary>
    Task<RecurringSeries> AddAsync(RecurringSeries series, CancellationToken cancellationToken);

    /// <summary>
    /// Reads the record, applies <paramref name="change"/> and writes it back if nobody wrote in between (else reads
    /// and applies again). <paramref name="change"/> returns null to leave the record as it is. Returns the record
    /// after the update, or null when there is no such series.
    /// </summary>
    Task<RecurringSeries?> UpdateAsync(string seriesId, Func<RecurringSeries, RecurringSeries?> change, CancellationToken cancellationToken);
}

/// <summary>
/// Series records on Azure Tables: one row per series (the record as JSON plus its status and management mode as
/// columns for operators), insert-if-absent to create, ETag-conditional replace to update.
/// </summary>
public sealed class TableRecurringSeriesStore(PaymentsTables tables) : IRecurringSeriesStore
{
    private const string Scope = "series";
    private const string DocumentColumn = "Series";
    private const int MaxConcurrencyRetries = 10;

    public async Task<RecurringSeries?> GetAsync(string seriesId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(seriesId);
        return (await ReadAsync(seriesId, cancellationToken))?.Series;
    }

    public async Task<RecurringSeries> AddAsync(RecurringSeries series, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(series);
        TableClient table = await tables.GetAsync(PaymentsTable.RecurringSeries, cancellationToken);
        if (await table.TryInsertAsync(ToEntity(series), cancellationToken) is not null)
        {
            return series;
        }

        return (await ReadAsync(series.SeriesId, cancellationToken))?.Series
            ?? throw new InvalidOperationException($"Recurring series {series.SeriesId} conflicted but cannot be read.");
    }

    public async Task<RecurringSeries?> UpdateAsync(string seriesId, Func<RecurringSeries, RecurringSeries?> change, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(seriesId);
        ArgumentNullException.ThrowIfNull(change);
        TableClient table = await tables.GetAsync(PaymentsTable.RecurringSeries, cancellationToken);
        for (int attempt = 1; ; attempt++)
        {
            if (await ReadAsync(seriesId, cancellationToken) is not { } read)
            {
                return null;
            }

            if (change(read.Series) is not { } next || next == read.Series)
            {
                return read.Series;
            }

            try
            {
                await table.UpdateEntityAsync(ToEntity(next), read.ETag, TableUpdateMode.Replace, cancellationToken);
                return next;
            }
            catch (RequestFailedException exception) when (exception.Status == 412 && attempt < MaxConcurrencyRetries)
            {
                // Someone wrote in between: read their version and apply the change to it.
            }
        }
    }

    private async Task<(RecurringSeries Series, ETag ETag)?> ReadAsync(string seriesId, CancellationToken cancellationToken)
    {
        TableClient table = await tables.GetAsync(PaymentsTable.RecurringSeries, cancellationToken);
        NullableResponse<TableEntity> response = await table.GetEntityIfExistsAsync<TableEntity>(
            TableKeys.Partition(Scope, seriesId), TableKeys.Row(seriesId), cancellationToken: cancellationToken);
        if (!response.HasValue || response.Value is not { } entity)
        {
            return null;
        }

        RecurringSeries series = JsonSerializer.Deserialize<RecurringSeries>(entity.GetString(DocumentColumn), PaymentsJson.Options)
            ?? throw new InvalidOperationException($"Recurring series {seriesId} has an empty record.");
        return (series, entity.ETag);
    }

    private static TableEntity ToEntity(RecurringSeries series) => new(TableKeys.Partition(Scope, series.SeriesId), TableKeys.Row(series.SeriesId))
    {
        [DocumentColumn] = JsonSerializer.Serialize(series, PaymentsJson.Options),
        ["Status"] = series.Status.ToString(),
        ["ManagedBy"] = series.ManagedBy.ToString(),
        ["RecurringId"] = series.RecurringId,
    };
}
