using FsCheck.Xunit;
using SmartRetry.Functions.Shared.Series;

namespace SmartRetry.Functions.Tests.Shared.Series;

[Properties(Arbitrary = [typeof(ScheduleGenerators)], MaxTest = 300)]
public sealed class ScheduleCalculatorPropertyTests
{
    private const int Horizon = 80;

    [Property]
    public bool Due_times_and_dates_strictly_increase(SeriesSchedule schedule)
    {
        var occurrences = First(schedule);
        return occurrences.Zip(occurrences.Skip(1)).All(pair => pair.Second.DueAtUtc > pair.First.DueAtUtc && pair.Second.Date > pair.First.Date);
    }

    [Property]
    public bool Never_more_occurrences_than_the_number_of_payments(SeriesSchedule schedule) =>
        schedule.NumberOfPayments is not { } count || First(schedule).Count <= count;

    [Property]
    public bool A_series_without_cancellation_date_has_exactly_its_number_of_payments(SeriesSchedule schedule)
    {
        SeriesSchedule bounded = schedule with { CancellationDate = null, NumberOfPayments = schedule.NumberOfPayments ?? 12 };
        return First(bounded).Count == bounded.NumberOfPayments;
    }

    [Property]
    public bool Nothing_falls_on_or_after_the_cancellation_date(SeriesSchedule schedule) =>
        schedule.CancellationDate is not { } cancellation || First(schedule).All(o => o.Date < cancellation);

    [Property]
    public bool The_series_stops_only_at_the_count_or_the_cancellation_date(SeriesSchedule schedule)
    {
        var occurrences = First(schedule);
        if (occurrences.Count == Horizon || (schedule.NumberOfPayments is { } count && occurrences.Count == count))
        {
            return true;
        }

        // It stopped early, so the next date by the anchor rule must be on or after the cancellation date.
        DateOnly next = ExpectedDate(schedule, occurrences.Count);
        return schedule.CancellationDate is { } cancellation && next >= cancellation;
    }

    [Property]
    public bool Every_date_is_anchored_to_the_first_date_and_clamped_to_the_month(SeriesSchedule schedule) =>
        First(schedule).All(o => o.Date == ExpectedDate(schedule, o.Sequence - 1));

    [Property]
    public bool Monthly_and_yearly_dates_keep_the_first_day_of_month_unless_the_month_is_shorter(SeriesSchedule schedule)
    {
        if (schedule.Frequency is RecurrenceFrequency.Daily or RecurrenceFrequency.Weekly)
        {
            return true;
        }

        return First(schedule).All(o =>
            o.Date.Day == Math.Min(schedule.FirstPaymentDate.Day, DateTime.DaysInMonth(o.Date.Year, o.Date.Month)));
    }

    [Property]
    public bool Each_charge_is_due_at_the_local_time_of_day_on_its_date_in_the_series_time_zone(SeriesSchedule schedule)
    {
        TimeZoneInfo zone = TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZoneId!);
        return First(schedule).All(o =>
        {
            DateTime local = TimeZoneInfo.ConvertTimeFromUtc(o.DueAtUtc, zone);
            DateTime wanted = o.Date.ToDateTime(schedule.ChargeTimeOfDay!.Value);
            // In a daylight-saving gap the wall-clock time does not exist; the charge moves forward by the gap, at most 1 h.
            return local == wanted || (zone.IsInvalidTime(wanted) && local > wanted && local - wanted <= TimeSpan.FromHours(1));
        });
    }

    [Property]
    public bool The_first_due_at_or_after_an_instant_is_the_earliest_occurrence_not_before_it(SeriesSchedule schedule, byte pick)
    {
        var occurrences = First(schedule);
        if (occurrences.Count == 0)
        {
            return ScheduleCalculator.FirstDueAtOrAfter(schedule, 1, DateTime.MinValue) is null;
        }

        ScheduledOccurrence target = occurrences[pick % occurrences.Count];
        return ScheduleCalculator.FirstDueAtOrAfter(schedule, 1, target.DueAtUtc.AddTicks(-1)) == target
            && ScheduleCalculator.FirstDueAtOrAfter(schedule, 1, target.DueAtUtc) == target;
    }

    private static List<ScheduledOccurrence> First(SeriesSchedule schedule) => ScheduleCalculator.Occurrences(schedule).Take(Horizon).ToList();

    private static DateOnly ExpectedDate(SeriesSchedule schedule, int periods)
    {
        DateOnly first = schedule.FirstPaymentDate;
        int units = periods * schedule.TimeInterval;
        switch (schedule.Frequency)
        {
            case RecurrenceFrequency.Daily:
                return first.AddDays(units);
            case RecurrenceFrequency.Weekly:
                return first.AddDays(units * 7);
            default:
                int months = schedule.Frequency == RecurrenceFrequency.Monthly ? units : units * 12;
                int monthIndex = (first.Year * 12) + first.Month - 1 + months;
                int year = monthIndex / 12;
                int month = (monthIndex % 12) + 1;
                return new DateOnly(year, month, Math.Min(first.Day, DateTime.DaysInMonth(year, month)));
        }
    }
}
