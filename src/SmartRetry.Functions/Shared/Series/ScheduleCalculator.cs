namespace SmartRetry.Functions.Shared.Series;

/// <summary>
/// Computes a series' occurrences. Pure and deterministic, so orchestrations may call it. Every occurrence is computed
/// from the first date (never from the previous occurrence), which keeps month-end dates anchored: a series starting on
/// January 31 charges on February 28 (29 in leap years) and then March 31 again; February 29 yearly charges on
/// February 28 in common years.
/// </summary>
public static class ScheduleCalculator
{
    /// <summary>Checks the schedule's own consistency; returns the offending field (snake_case) and why, or null.</summary>
    public static (string Field, string Message)? Validate(SeriesSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (!Enum.IsDefined(schedule.Frequency))
        {
            return ("recurring_date_type", "must be daily, weekly, monthly or yearly");
        }

        if (schedule.TimeInterval < 1)
        {
            return ("time_interval", "must be at least 1");
        }

        if (schedule.NumberOfPayments < 1)
        {
            return ("number_of_payments", "must be at least 1 when given");
        }

        if (schedule.CancellationDate is { } cancellation && cancellation <= schedule.FirstPaymentDate)
        {
            return ("cancellation_date", "must be after first_payment_date");
        }

        if (!TryFindTimeZone(schedule.TimeZoneId, out _))
        {
            return ("time_zone", "is not a known time zone id");
        }

        return null;
    }

    /// <summary>The occurrence with the given 1-based sequence number, or null when the series has ended before it.</summary>
    public static ScheduledOccurrence? Occurrence(SeriesSchedule schedule, int sequence)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        if (Validate(schedule) is { } problem)
        {
            throw new ArgumentException($"Invalid schedule: {problem.Field} {problem.Message}.", nameof(schedule));
        }

        if (schedule.NumberOfPayments is { } count && sequence > count)
        {
            return null;
        }

        if (!TryAddPeriods(schedule, sequence - 1, out DateOnly date))
        {
            return null;
        }

        if (schedule.CancellationDate is { } cancellation && date >= cancellation)
        {
            return null;
        }

        return new ScheduledOccurrence(sequence, date, ToUtc(schedule, date));
    }

    /// <summary>All occurrences in order; endless for an open-ended series without a cancellation date.</summary>
    public static IEnumerable<ScheduledOccurrence> Occurrences(SeriesSchedule schedule)
    {
        for (int sequence = 1; Occurrence(schedule, sequence) is { } occurrence; sequence++)
        {
            yield return occurrence;
        }
    }

    /// <summary>The first occurrence at or after <paramref name="sequence"/> that is due at or after <paramref name="notBeforeUtc"/>.</summary>
    public static ScheduledOccurrence? FirstDueAtOrAfter(SeriesSchedule schedule, int sequence, DateTime notBeforeUtc)
    {
        for (ScheduledOccurrence? occurrence = Occurrence(schedule, sequence); occurrence is not null; occurrence = Occurrence(schedule, occurrence.Sequence + 1))
        {
            if (occurrence.DueAtUtc >= notBeforeUtc)
            {
                return occurrence;
            }
        }

        return null;
    }

    private static bool TryAddPeriods(SeriesSchedule schedule, int periods, out DateOnly date)
    {
        date = default;
        long units = (long)periods * schedule.TimeInterval;
        DateOnly first = schedule.FirstPaymentDate;
        long maxUnits = schedule.Frequency switch
        {
            // A margin of days below DateOnly.MaxValue leaves room for the time zone offset.
            RecurrenceFrequency.Daily => DateOnly.MaxValue.DayNumber - first.DayNumber - 2,
            RecurrenceFrequency.Weekly => (DateOnly.MaxValue.DayNumber - first.DayNumber - 2) / 7,
            RecurrenceFrequency.Monthly => ((DateOnly.MaxValue.Year - first.Year) * 12L) + (DateOnly.MaxValue.Month - first.Month) - 1,
            _ => DateOnly.MaxValue.Year - first.Year - 1,
        };
        if (units > maxUnits)
        {
            return false;
        }

        // DateOnly.AddMonths / AddYears clamp to the last day of a shorter month; applying them to the anchor date
        // (not the previous occurrence) is what makes January 31 come back after February 28.
        date = schedule.Frequency switch
        {
            RecurrenceFrequency.Daily => first.AddDays((int)units),
            RecurrenceFrequency.Weekly => first.AddDays((int)units * 7),
            RecurrenceFrequency.Monthly => first.AddMonths((int)units),
            _ => first.AddYears((int)units),
        };
        return true;
    }

    private static DateTime ToUtc(SeriesSchedule schedule, DateOnly date)
    {
        TryFindTimeZone(schedule.TimeZoneId, out TimeZoneInfo zone);
        DateTime local = date.ToDateTime(schedule.ChargeTimeOfDay ?? TimeOnly.MinValue, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (zone.IsInvalidTime(local))
        {
            // The local time falls in a daylight-saving gap: use the offset in force before the gap, which lands the
            // charge just after the clocks jump (02:30 on a spring-forward night becomes 03:30).
            offset = zone.GetUtcOffset(local.AddDays(-1));
        }
        else if (zone.IsAmbiguousTime(local))
        {
            // The local time happens twice: charge at the first of the two instants.
            offset = zone.GetAmbiguousTimeOffsets(local).Max();
        }
        else
        {
            offset = zone.GetUtcOffset(local);
        }

        return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
    }

    private static bool TryFindTimeZone(string? timeZoneId, out TimeZoneInfo zone)
    {
        if (string.IsNullOrWhiteSpace(timeZoneId) || timeZoneId == SeriesSchedule.DefaultTimeZoneId)
        {
            zone = TimeZoneInfo.Utc;
            return true;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out zone!);
    }
}
