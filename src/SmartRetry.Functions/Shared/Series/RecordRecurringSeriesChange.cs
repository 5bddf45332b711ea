using Microsoft.Azure.Functions.Worker;

namespace SmartRetry.Functions.Shared.Series;

/// <summary>Writes a series orchestration's progress to the series record.</summary>
public sealed class RecordRecurringSeriesChange(IRecurringSeriesStore series)
{
    [Function(nameof(RecordRecurringSeriesChange))]
    public async Task RunAsync([ActivityTrigger] SeriesChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        _ = await series.UpdateAsync(change.SeriesId, current => current.Apply(change), cancellationToken)
            ?? throw new InvalidOperationException($"Recurring series {change.SeriesId} has no record.");
    }
}
