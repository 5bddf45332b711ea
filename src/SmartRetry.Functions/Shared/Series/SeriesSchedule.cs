namespace SmartRetry.Functions.Shared.Series;

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
