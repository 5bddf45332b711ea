using SmartRetry.Functions.Shared.Cards;
using SmartRetry.Functions.Shared.Events;
using SmartRetry.Functions.Shared.Gateway;

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

/// <summary>A series' lifecycle: active ⇄ paused; active or paused → cancelled (irreversible) or completed; refused when SmartRetry never created it.</summary>
public enum RecurringSeriesStatus
{
    Active,
    Paused,
    Cancelled,
    Completed,

    /// <summary>SmartRetry refused to create the series (e.g. <c>INVALID_START_DATE</c>): nothing was charged; the reason code says why.</summary>
    Refused,
}

/// <summary>SmartRetry's <c>managed_by</c>: who schedules the charges of a series (§2.19).</summary>
public enum SeriesManagement
{
    /// <summary>We do: <c>MerchantRecurringSeriesWorkflow</c> charges each cycle.</summary>
    Merchant,

    /// <summary>SmartRetry does, through future transactions; we follow.</summary>
    OurPlatform,

    /// <summary>The payment provider does; we follow.</summary>
    PaymentProvider,
}

/// <summary>
/// When a series charges: occurrence dates anchored to <see cref="FirstPaymentDate"/>, charged at
/// <see cref="ChargeTimeOfDay"/> local time in <see cref="TimeZoneId"/> (IANA or Windows id; UTC by default).
/// </summary>
/// <param name="FirstPaymentDate">The first occurrence; every later date is computed from it, never from the previous one.</param>
/// <param name="Frequency">The unit of the interval.</param>
/// <param name="TimeInterval">How many units between occurrences (≥ 1).</param>
/// <param name="NumberOfPayments">How many occurrences the series has; null means open-ended.</param>
/// <param name="CancellationDate">No occurrence falls on or after this (local) date.</param>
/// <param name="ChargeTimeOfDay">Local time of day of each charge; midnight when null.</param>
/// <param name="TimeZoneId">Time zone of the dates and the time of day; UTC when null.</param>
public sealed record SeriesSchedule(
    DateOnly FirstPaymentDate,
    RecurrenceFrequency Frequency,
    int TimeInterval,
    int? NumberOfPayments = null,
    DateOnly? CancellationDate = null,
    TimeOnly? ChargeTimeOfDay = null,
    string? TimeZoneId = null)
{
    public const string DefaultTimeZoneId = "UTC";
}

/// <summary>SmartRetry's <c>recurring_date_type</c>: the unit that <c>time_interval</c> multiplies.</summary>
public enum RecurrenceFrequency
{
    Daily,
    Weekly,
    Monthly,
    Yearly,
}

/// <summary>One charge of a series.</summary>
/// <param name="Sequence">1 for the first payment.</param>
/// <param name="Date">The local calendar date of the charge.</param>
/// <param name="DueAtUtc">The instant the charge is due.</param>
public sealed record ScheduledOccurrence(int Sequence, DateOnly Date, DateTime DueAtUtc);

/// <summary>
/// What the first generation of a series orchestration needs to create the series at SmartRetry (<c>recurring_init</c>).
/// The card is not here: it waits in the card vault under the series id for the set-up call, and once the series
/// exists the orchestration continues as new without this.
/// </summary>
public sealed record SeriesSetup(PayerDetails Payer)
{
    /// <summary>Only in series started before the card vault: the sealed card their first generation's input holds.</summary>
    public SealedCard? Card { get; init; }
}

/// <summary>What a merchant asks of a running series.</summary>
public enum SeriesCommand
{
    Pause,
    Resume,
    Cancel,
    UpdateAmount,
}

/// <summary>A merchant's request to a series orchestration, raised as <see cref="RecurringEventNames.Control"/>.</summary>
/// <param name="RequestId">Identifies the request, for logs and the ledger.</param>
/// <param name="Amount">The new amount, for <see cref="SeriesCommand.UpdateAmount"/>.</param>
public sealed record SeriesControl(SeriesCommand Command, string RequestId, DateTimeOffset RequestedAt, decimal? Amount = null);

/// <summary>A change to a series' record, written by the series orchestrations; null fields stay unchanged.</summary>
public sealed record SeriesChange(
    string SeriesId,
    DateTime AtUtc,
    RecurringSeriesStatus? Status = null,
    decimal? Amount = null,
    DateTime? NextDueAtUtc = null,
    ChargeCycleResult? Cycle = null,
    string? Note = null);
