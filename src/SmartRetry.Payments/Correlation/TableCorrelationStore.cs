using Azure;
using Azure.Data.Tables;
using SmartRetry.Payments.Storage;
using SmartRetry.Payments.Telemetry;

namespace SmartRetry.Payments.Correlation;

/// <summary>
/// Correlations on Azure Tables: one row per SmartRetry id, written insert-if-absent so the first mapping stands, with the
/// trace context of the payment that recorded it (ids only; never card data).
/// </summary>
public sealed class TableCorrelationStore(PaymentsTables tables) : ICorrelationStore
{
    public async Task<string> AddAsync(CorrelationKind kind, string smartRetryId, string instanceId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(smartRetryId);
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        TableClient table = await tables.GetAsync(PaymentsTable.Correlations, cancellationToken);
        var row = new TableEntity(Partition(kind, smartRetryId), TableKeys.Row(smartRetryId))
        {
            ["Kind"] = kind.ToString(),
            ["SmartRetryId"] = smartRetryId,
            ["InstanceId"] = instanceId,
            ["TraceParent"] = PaymentTracing.CurrentTraceParent(),
        };
        if (await table.TryInsertAsync(row, cancellationToken) is not null)
        {
            return instanceId;
        }

        return await FindInstanceAsync(kind, smartRetryId, cancellationToken)
            ?? throw new InvalidOperationException($"The {kind} correlation for {smartRetryId} conflicted but cannot be read.");
    }

    public async Task<string?> FindInstanceAsync(CorrelationKind kind, string smartRetryId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(smartRetryId);
        TableClient table = await tables.GetAsync(PaymentsTable.Correlations, cancellationToken);
        NullableResponse<TableEntity> row = await table.GetEntityIfExistsAsync<TableEntity>(
            Partition(kind, smartRetryId), TableKeys.Row(smartRetryId), select: ["InstanceId"], cancellationToken);
        return row.HasValue ? row.Value!.GetString("InstanceId") : null;
    }

    public async Task<CorrelationTarget?> FindAsync(CorrelationKind kind, string smartRetryId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(smartRetryId);
        TableClient table = await tables.GetAsync(PaymentsTable.Correlations, cancellationToken);
        NullableResponse<TableEntity> row = await table.GetEntityIfExistsAsync<TableEntity>(
            Partition(kind, smartRetryId), TableKeys.Row(smartRetryId), select: ["InstanceId", "TraceParent"], cancellationToken);
        return row.HasValue ? new CorrelationTarget(row.Value!.GetString("InstanceId"), row.Value.GetString("TraceParent")) : null;
    }

    private static string Partition(CorrelationKind kind, string smartRetryId) => TableKeys.Partition(kind.ToString(), smartRetryId);
}
