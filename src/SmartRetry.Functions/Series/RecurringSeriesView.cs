using SmartRetry.Functions.Shared.Cards;
using SmartRetry.Functions.Shared.Series;

namespace SmartRetry.Functions.Series;

/// <summary>A series as the API shows it. No card data beyond SmartRetry's summary.</summary>
/// <param name="Replayed">True when this answers a repeat of an earlier create request.</param>
public sealed record RecurringSeriesView(
    string SeriesId,
    string? RecurringId,
    SeriesManagement ManagedBy,
    RecurringSeriesStatus Status,
    decimal Amount,
    string Currency,
    SeriesSchedule? Schedule,
    DateTime? NextDueAt,
    int? LastSequence,
    ChargeCycleOutcome? LastOutcome,
    CardSummary? Card,
    string? Note,
    string? ReasonCode,
    string Self,
    bool Replayed = false)
{
    public static RecurringSeriesView Of(RecurringSeries series, bool replayed = false)
    {
        ArgumentNullException.ThrowIfNull(series);
        return new(
            series.SeriesId, series.RecurringId, series.ManagedBy, series.Status, series.Amount, series.Currency, series.Schedule,
            series.NextDueAtUtc, series.LastSequence, series.LastOutcome, series.Card, series.Note, series.ReasonCode, RecurringRoutes.SeriesPath(series.SeriesId), replayed);
    }
}
