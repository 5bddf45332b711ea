using FsCheck;
using FsCheck.Fluent;
using SmartRetry.Functions.Shared.Series;

namespace SmartRetry.Functions.Tests.Shared.Series;

/// <summary>Random valid schedules across frequencies, month ends, leap days and time zones with daylight saving.</summary>
public static class ScheduleGenerators
{
    private static readonly string[] TimeZones =
        ["UTC", "America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "Asia/Kolkata", "Pacific/Chatham", "America/Sao_Paulo"];

    public static Arbitrary<SeriesSchedule> Schedules() => Arb.From(
        from dayNumber in Gen.Choose(new DateOnly(1995, 1, 1).DayNumber, new DateOnly(2090, 12, 31).DayNumber)
        from monthEnd in Gen.Elements(false, true)
        from frequency in Gen.Elements(Enum.GetValues<RecurrenceFrequency>())
        from interval in Gen.Choose(1, frequency == RecurrenceFrequency.Daily ? 400 : 14)
        from count in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(1, 60).Select(c => (int?)c))
        from cancellationAfterDays in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(1, 6000).Select(d => (int?)d))
        from minuteOfDay in Gen.Choose(0, (24 * 60) - 1)
        from zone in Gen.Elements(TimeZones)
        let start = monthEnd ? MonthEnd(DateOnly.FromDayNumber(dayNumber)) : DateOnly.FromDayNumber(dayNumber)
        select new SeriesSchedule(
            start,
            frequency,
            interval,
            count,
            cancellationAfterDays is { } days ? start.AddDays(days) : null,
            TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(minuteOfDay)),
            zone));

    private static DateOnly MonthEnd(DateOnly date) => new(date.Year, date.Month, DateTime.DaysInMonth(date.Year, date.Month));
}
