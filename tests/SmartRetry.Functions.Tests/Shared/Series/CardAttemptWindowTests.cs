using SmartRetry.Functions.Shared.Series;

namespace SmartRetry.Functions.Tests.Shared.Series;

public sealed class CardAttemptWindowTests
{
    private static readonly DateTime Start = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void The_twenty_first_attempt_within_thirty_days_is_refused()
    {
        CardAttemptWindow window = CardAttemptWindow.Empty;
        for (int day = 0; day < 20; day++)
        {
            Assert.True(window.Allows(Start.AddDays(day), 20));
            window = window.Record(Start.AddDays(day), approved: false);
        }

        Assert.False(window.Allows(Start.AddDays(20), 20));
        Assert.False(window.Allows(Start.AddDays(30), 20));
        Assert.True(window.Allows(Start.AddDays(30).AddTicks(1), 20));
    }

    [Fact]
    public void Approvals_neither_count_nor_reset_the_declined_attempts()
    {
        CardAttemptWindow window = CardAttemptWindow.Empty;
        for (int day = 0; day < 19; day++)
        {
            window = window.Record(Start.AddDays(day), approved: false);
        }

        window = window.Record(Start.AddDays(19), approved: true);

        Assert.Equal(19, window.Attempts.Count);
        Assert.True(window.Allows(Start.AddDays(20), 20));
        window = window.Record(Start.AddDays(20), approved: false);
        Assert.False(window.Allows(Start.AddDays(21), 20));
    }

    [Fact]
    public void A_card_approved_every_day_is_never_held_back()
    {
        CardAttemptWindow window = CardAttemptWindow.Empty;
        for (int day = 0; day < 90; day++)
        {
            Assert.True(window.Allows(Start.AddDays(day), 20));
            window = window.Record(Start.AddDays(day), approved: true);
        }

        Assert.Empty(window.Attempts);
    }

    [Fact]
    public void Attempts_older_than_the_window_are_dropped_so_the_state_stays_compact()
    {
        CardAttemptWindow window = CardAttemptWindow.Empty;
        for (int day = 0; day < 365; day++)
        {
            window = window.Record(Start.AddDays(day), approved: false);
        }

        Assert.Equal(31, window.Attempts.Count);
    }
}
