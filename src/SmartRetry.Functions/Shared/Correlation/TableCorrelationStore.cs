using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Caching.Memory;
using SmartRetry.Functions.Shared.Storage;
using SmartRetry.Functions.Shared.Telemetry;

namespace SmartRetry.Functions.Shared.Correlation;

/// <summary>
/// Correlations on Azure Tables: one row per SmartRetry id, written insert-if-absent so the first mapping stands, with the
/// trace context of the payment that recorded it (ids only; never card data).
/// A row never changes once written, so the ones this process wrote or found are also kept in memory: a webhook usually
/// follows, moments later, the submit that recorded its correlation, and SmartRetry sends several events per
/// transaction. Only found rows are kept (an absent one may be written any moment), with what this process learnt of
/// their instance (<see cref="RememberFinished"/>); the memory is bounded and forgets a row after <see cref="KeptFor"/>
/// unused, long before the retention purge may delete it.
/// </summary>
public sealed class TableCorrelationStore(PaymentsTables tables) : ICorrelationStore, IDisposable
{
    public const int MaxKept = 50_000;

    public static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(10);

    private static readonly MemoryCacheEntryOptions Kept = new() { Size = 1, SlidingExpiration = KeptFor };

    private readonly MemoryCache known = new(new MemoryCacheOptions { SizeLimit = MaxKept });

    public async Task<string> AddAsync(CorrelationKind kind, string smartRetryId, string instanceId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(smartRetryId);
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        TableClient table = await tables.GetAsync(PaymentsTable.Correlations, cancellationToken);
        string? traceParent = PaymentTracing.CurrentTraceParent();
        var row = new TableEntity(Partition(kind, smartRetryId), TableKeys.Row(smartRetryId))
        {
            ["Kind"] = kind.ToString(),
            ["SmartRetryId"] = smartRetryId,
            ["InstanceId"] = instanceId,
            ["TraceParent"] = traceParent,
        };
        if (await table.TryInsertAsync(row, cancellationToken) is not null)
        {
            known.Set(Key(kind, smartRetryId), new CorrelationTarget(instanceId, traceParent), Kept);
            return instanceId;
        }

        return (await FindAsync(kind, smartRetryId, cancellationToken))?.InstanceId
            ?? throw new InvalidOperationException($"The {kind} correlation for {smartRetryId} conflicted but cannot be read.");
    }

    public async Task<CorrelationTarget?> FindAsync(CorrelationKind kind, string smartRetryId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(smartRetryId);
        string key = Key(kind, smartRetryId);
        if (known.TryGetValue(key, out CorrelationTarget? kept))
        {
            return kept;
        }

        TableClient table = await tables.GetAsync(PaymentsTable.Correlations, cancellationToken);
        NullableResponse<TableEntity> row = await table.GetEntityIfExistsAsync<TableEntity>(
            Partition(kind, smartRetryId), TableKeys.Row(smartRetryId), select: ["InstanceId", "TraceParent"], cancellationToken);
        if (!row.HasValue)
        {
            return null;
        }

        var target = new CorrelationTarget(row.Value!.GetString("InstanceId"), row.Value.GetString("TraceParent"));
        known.Set(key, target, Kept);
        return target;
    }

    public void RememberFinished(CorrelationKind kind, string smartRetryId)
    {
        string key = Key(kind, smartRetryId);
        if (known.TryGetValue(key, out CorrelationTarget? kept) && kept is { InstanceFinished: false })
        {
            known.Set(key, kept with { InstanceFinished = true }, Kept);
        }
    }

    public void Dispose() => known.Dispose();

    private static string Partition(CorrelationKind kind, string smartRetryId) => TableKeys.Partition(kind.ToString(), smartRetryId);

    private static string Key(CorrelationKind kind, string smartRetryId) => $"{kind}|{smartRetryId}";
}
