using System.Text.Json.Serialization;
using SmartRetry.Functions.Shared.Cards;
using SmartRetry.Functions.Shared.Charges;
using SmartRetry.Functions.Shared.Series;

namespace SmartRetry.Functions.Series;

/// <summary>
/// The body of <c>POST /api/recurring</c>. Amount, currency, card and payer have the sale's shape and rules; every
/// field is nullable so that a missing one is reported by validation, naming the field. Unknown fields are rejected.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record RecurringRequest
{
    /// <summary>The merchant's own id of the series (e.g. its subscription id); the same id again is the same series.</summary>
    public string? SeriesReference { get; init; }

    public decimal? Amount { get; init; }

    public string? Currency { get; init; }

    public CardRequest? Card { get; init; }

    public PayerRequest? Payer { get; init; }

    public RecurringScheduleRequest? Recurring { get; init; }
}

/// <summary>The <c>recurring</c> object: SmartRetry's fields (§2.7) plus, for merchant-managed series, the charge time and time zone.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record RecurringScheduleRequest
{
    public SeriesManagement? ManagedBy { get; init; }

    public DateOnly? FirstPaymentDate { get; init; }

    public RecurrenceFrequency? RecurringDateType { get; init; }

    public int? TimeInterval { get; init; }

    public int? NumberOfPayments { get; init; }

    public DateOnly? CancellationDate { get; init; }

    /// <summary>Local time of day of each charge (merchant-managed only); midnight when omitted.</summary>
    public TimeOnly? ChargeTimeOfDay { get; init; }

    /// <summary>IANA time zone of the dates and the time of day (merchant-managed only); UTC when omitted.</summary>
    public string? TimeZone { get; init; }
}

/// <summary>The body of <c>PUT /api/recurring/{id}/amount</c>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record AmountUpdateRequest
{
    public decimal? Amount { get; init; }
}

/// <summary>A recurring request that passed validation: the sale-shaped part (card still in the clear, in memory only) and the schedule.</summary>
/// <param name="Schedule">Null only for a <see cref="SeriesManagement.PaymentProvider"/> series sent without one.</param>
public sealed record ValidatedRecurring(ValidatedCharge Charge, SeriesManagement ManagedBy, SeriesSchedule? Schedule)
{
    public string SeriesReference => Charge.MerchantTransactionId;
}

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
