using SmartRetry.Functions.Shared.Cards;

namespace SmartRetry.Functions.Shared.Series;

/// <summary>A series as we keep it (Azure Tables). No card data beyond <see cref="CardSummary"/>.</summary>
/// <param name="SeriesId">Our id; also the series orchestration's instance id.</param>
/// <param name="RequestFingerprint">Hash of the create request, so a repeated request is recognised and a different one with the same id is a conflict.</param>
/// <param name="Schedule">Null for a <see cref="SeriesManagement.PaymentProvider"/> series, whose schedule the provider keeps.</param>
public sealed record RecurringSeries(
    string SeriesId,
    SeriesManagement ManagedBy,
    RecurringSeriesStatus Status,
    decimal Amount,
    string Currency,
    string RequestFingerprint,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    SeriesSchedule? Schedule = null,
    string? RecurringId = null,
    CardSummary? Card = null,
    DateTime? NextDueAtUtc = null,
    int? LastSequence = null,
    ChargeCycleOutcome? LastOutcome = null,
    string? Note = null,
    string? ReasonCode = null)
{
    public bool IsFinished => Status is RecurringSeriesStatus.Cancelled or RecurringSeriesStatus.Completed or RecurringSeriesStatus.Refused;

    /// <summary>The series after a change recorded by its orchestration. A finished series never becomes active again.</summary>
    public RecurringSeries Apply(SeriesChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        RecurringSeriesStatus status = IsFinished ? Status : change.Status ?? Status;
        return this with
        {
            Status = status,
            Amount = change.Amount ?? Amount,
            NextDueAtUtc = status is RecurringSeriesStatus.Active ? change.NextDueAtUtc ?? NextDueAtUtc : null,
            LastSequence = change.Cycle?.Sequence ?? LastSequence,
            LastOutcome = change.Cycle?.Outcome ?? LastOutcome,
            Note = change.Note ?? Note,
            UpdatedAt = new DateTimeOffset(change.AtUtc, TimeSpan.Zero),
        };
    }
}
