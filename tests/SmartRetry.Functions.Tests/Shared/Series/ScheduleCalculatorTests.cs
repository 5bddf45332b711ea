using SmartRetry.Functions.Shared.Series;

namespace SmartRetry.Functions.Tests.Shared.Series;

public sealed class ScheduleCalculatorTests
{
    [Fact]
    public void Month_end_dates_clamp_to_shorter_months_and_come_back_to_the_anchor_day()
    {
        var schedule = new SeriesSchedule(new DateOnly(2024, 1, 31), RecurrenceFrequency.Monthly, 1, NumberOfPayments: 4);

        DateOnly[] dates = ScheduleCalculator.Occurrences(schedule).Select(o => o.Date).ToArray();

        Assert.Equal([new(2024, 1, 31), new(2024, 2, 29), new(2024, 3, 31), new(2024, 4, 30)], dates);
    }

    [Fact]
    public void A_leap_day_yearly_series_charges_on_February_28_in_common_years()
    {
        var schedule = new SeriesSchedule(new DateOnly(2024, 2, 29), RecurrenceFrequency.Yearly, 1, NumberOfPayments: 5);

        DateOnly[] dates = ScheduleCalculator.Occurrences(schedule).Select(o => o.Date).ToArray();

        Assert.Equal([new(2024, 2, 29), new(2025, 2, 28), new(2026, 2, 28), new(2027, 2, 28), new(2028, 2, 29)], dates);
    }

    [Fact]
    public void Without_time_zone_and_time_of_day_charges_are_due_at_midnight_UTC()
    {
        var schedule = new SeriesSchedule(new DateOnly(2026, 3, 10), RecurrenceFrequency.Weekly, 2);

        ScheduledOccurrence second = ScheduleCalculator.Occurrence(schedule, 2)!;

        Assert.Equal(new DateTime(2026, 3, 24, 0, 0, 0, DateTimeKind.Utc), second.DueAtUtc);
        Assert.Equal(DateTimeKind.Utc, second.DueAtUtc.Kind);
    }

    [Fact]
    public void The_local_charge_time_follows_daylight_saving_in_the_series_time_zone()
    {
        var schedule = new SeriesSchedule(
            new DateOnly(2026, 1, 15), RecurrenceFrequency.Monthly, 6, ChargeTimeOfDay: new TimeOnly(9, 0), TimeZoneId: "America/New_York");

        Assert.Equal(new DateTime(2026, 1, 15, 14, 0, 0, DateTimeKind.Utc), ScheduleCalculator.Occurrence(schedule, 1)!.DueAtUtc);
        Assert.Equal(new DateTime(2026, 7, 15, 13, 0, 0, DateTimeKind.Utc), ScheduleCalculator.Occurrence(schedule, 2)!.DueAtUtc);
    }

    [Fact]
    public void A_charge_time_inside_the_spring_forward_gap_moves_to_just_after_the_jump()
    {
        var schedule = new SeriesSchedule(
            new DateOnly(2026, 3, 8), RecurrenceFrequency.Daily, 1, ChargeTimeOfDay: new TimeOnly(2, 30), TimeZoneId: "America/New_York");

        // 02:30 does not exist on 2026-03-08 in New York; 07:30 UTC is 03:30 EDT.
        Assert.Equal(new DateTime(2026, 3, 8, 7, 30, 0, DateTimeKind.Utc), ScheduleCalculator.Occurrence(schedule, 1)!.DueAtUtc);
    }

    [Fact]
    public void A_charge_time_that_happens_twice_uses_the_first_instant()
    {
        var schedule = new SeriesSchedule(
            new DateOnly(2026, 11, 1), RecurrenceFrequency.Daily, 1, ChargeTimeOfDay: new TimeOnly(1, 30), TimeZoneId: "America/New_York");

        // 01:30 happens at 05:30 UTC (EDT) and again at 06:30 UTC (EST).
        Assert.Equal(new DateTime(2026, 11, 1, 5, 30, 0, DateTimeKind.Utc), ScheduleCalculator.Occurrence(schedule, 1)!.DueAtUtc);
    }

    [Fact]
    public void The_cancellation_date_itself_is_never_charged()
    {
        var schedule = new SeriesSchedule(new DateOnly(2026, 1, 1), RecurrenceFrequency.Monthly, 1, CancellationDate: new DateOnly(2026, 4, 1));

        Assert.Equal(3, ScheduleCalculator.Occurrences(schedule).Count());
        Assert.Null(ScheduleCalculator.Occurrence(schedule, 4));
    }

    [Theory]
    [InlineData(0, null, null, "time_interval")]
    [InlineData(1, 0, null, "number_of_payments")]
    [InlineData(1, null, "2026-01-01", "cancellation_date")]
    [InlineData(1, null, null, "time_zone", "Mars/Olympus_Mons")]
    public void An_inconsistent_schedule_names_the_offending_field(int interval, int? count, string? cancellation, string field, string? zone = null)
    {
        var schedule = new SeriesSchedule(
            new DateOnly(2026, 1, 1), RecurrenceFrequency.Monthly, interval, count, cancellation is null ? null : DateOnly.Parse(cancellation, System.Globalization.CultureInfo.InvariantCulture), TimeZoneId: zone);

        Assert.Equal(field, ScheduleCalculator.Validate(schedule)?.Field);
        Assert.Throws<ArgumentException>(() => ScheduleCalculator.Occurrence(schedule, 1));
    }
}
