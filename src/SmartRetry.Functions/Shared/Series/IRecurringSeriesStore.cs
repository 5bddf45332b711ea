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
