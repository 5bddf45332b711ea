using Azure;
using Azure.Data.Tables;
using SmartRetry.Functions.Shared.Storage;

namespace SmartRetry.Functions.Shared.Correlation;

/// <summary>Pending orchestration events on Azure Tables: one partition per SmartRetry id, so an instance reads its own with one query.</summary>
public sealed class TablePendingEventStore(PaymentsTables tables) : IPendingEventStore
{
    public async Task AddAsync(PendingEvent pendingEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pendingEvent);
        TableClient table = await tables.GetAsync(PaymentsTable.PendingEvents, cancellationToken);
        var row = new TableEntity(Partition(pendingEvent.Kind, pendingEvent.SmartRetryId), TableKeys.Row(pendingEvent.EventId))
        {
            ["Kind"] = pendingEvent.Kind.ToString(),
            ["SmartRetryId"] = pendingEvent.SmartRetryId,
            ["EventId"] = pendingEvent.EventId,
            ["EventName"] = pendingEvent.EventName,
            ["CreatedAt"] = pendingEvent.CreatedAt,
            ["Payload"] = pendingEvent.SerializedPayload,
        };
        // A row already there is a redelivery of the same event, pending already.
        await table.TryInsertAsync(row, cancellationToken);
    }

    public async Task<IReadOnlyList<PendingEvent>> GetAsync(CorrelationKind kind, string smartRetryId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(smartRetryId);
        TableClient table = await tables.GetAsync(PaymentsTable.PendingEvents, cancellationToken);
        var events = new List<PendingEvent>();
        string partition = Partition(kind, smartRetryId);
        await foreach (TableEntity row in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
        {
            events.Add(new PendingEvent(
                kind,
                smartRetryId,
                row.GetString("EventId"),
                row.GetString("EventName"),
                row.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
                row.GetString("Payload")));
        }

        return [.. events.OrderBy(e => e.CreatedAt).ThenBy(e => e.EventId, StringComparer.Ordinal)];
    }

    public async Task RemoveAsync(PendingEvent pendingEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pendingEvent);
        TableClient table = await tables.GetAsync(PaymentsTable.PendingEvents, cancellationToken);
        await table.DeleteEntityAsync(Partition(pendingEvent.Kind, pendingEvent.SmartRetryId), TableKeys.Row(pendingEvent.EventId), ETag.All, cancellationToken);
    }

    public async Task<int> PurgeCreatedBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        TableClient table = await tables.GetAsync(PaymentsTable.PendingEvents, cancellationToken);
        return await table.DeleteOlderThanAsync("CreatedAt", before, cancellationToken);
    }

    // One partition per SmartRetry id; the kind keeps a transaction and a series with equal ids apart.
    private static string Partition(CorrelationKind kind, string smartRetryId) => $"{kind}|{TableKeys.Row(smartRetryId)}";
}
