using SmartRetry.Functions.Series.MerchantManaged;

namespace SmartRetry.Functions.Tests.Series.MerchantManaged;

public sealed class CardAttemptLogTests
{
    private static readonly DateTime Start = new(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void The_attempt_after_the_limit_in_thirty_days_is_refused_until_the_oldest_is_more_than_thirty_days_old()
    {
        CardAttemptLog log = Reserved(3, day => Start.AddDays(day));

        Assert.Null(log.TryReserve("late", Start.AddDays(30), maxAttempts: 3));
        Assert.NotNull(log.TryReserve("late", Start.AddDays(30).AddTicks(1), maxAttempts: 3));
    }

    [Fact]
    public void Attempts_stamped_later_than_the_new_one_count_too()
    {
        // Another series' orchestration time may run ahead: its attempts still share every window the new one falls in.
        CardAttemptLog log = Reserved(2, day => Start.AddDays(10 + day));

        Assert.Null(log.TryReserve("earlier", Start, maxAttempts: 2));
    }

    [Fact]
    public void A_reservation_already_made_is_granted_again_without_counting_twice_even_when_the_card_is_full()
    {
        CardAttemptLog log = Reserved(2, day => Start.AddDays(day));

        Assert.Same(log, log.TryReserve("a0", Start.AddDays(5), maxAttempts: 2));
    }

    [Fact]
    public void A_released_attempt_stops_counting_and_a_late_duplicate_reservation_does_not_count_it_again()
    {
        CardAttemptLog log = Reserved(2, day => Start.AddDays(day)).Release("a1");

        Assert.Equal(1, log.CountedAt(Start.AddDays(2)));
        Assert.Same(log, log.TryReserve("a1", Start.AddDays(1), maxAttempts: 2));
        Assert.Same(log, log.Release("a1"));
        Assert.Same(log, log.Release("unknown"));
    }

    [Fact]
    public void Each_reservation_drops_attempts_older_than_the_window_and_its_margin()
    {
        CardAttemptLog log = Reserved(5, day => Start.AddDays(day));

        CardAttemptLog next = log.TryReserve("new", Start.AddDays(34), maxAttempts: 20)!;

        // 34 d − 30 d − 1 d margin = day 3: days 0 to 2 are gone.
        Assert.Equal(["a3", "a4", "new"], next.Attempts.Select(a => a.AttemptId));
    }

    [Fact]
    public void Approved_attempts_are_dropped_after_their_short_retention_while_declined_ones_stay_for_the_window()
    {
        CardAttemptLog log = Reserved(4, day => Start.AddDays(day)).Release("a0").Release("a2");

        CardAttemptLog next = log.TryReserve("new", Start.AddDays(4), maxAttempts: 20)!;

        // Day 4 − 2 d: the approval of day 0 is gone, the one of day 2 is still recognised; declines stay.
        Assert.Equal(["a1", "a2", "a3", "new"], next.Attempts.Select(a => a.AttemptId));
        Assert.Equal(3, next.CountedAt(Start.AddDays(4)));
    }

    private static CardAttemptLog Reserved(int count, Func<int, DateTime> at)
    {
        CardAttemptLog log = CardAttemptLog.Empty;
        for (int i = 0; i < count; i++)
        {
            log = log.TryReserve($"a{i}", at(i), maxAttempts: count) ?? throw new InvalidOperationException("room expected");
        }

        return log;
    }
}
