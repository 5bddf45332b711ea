using SmartRetry.Functions.Series.MerchantManaged;

namespace SmartRetry.Functions.Tests.Series.MerchantManaged;

public sealed class ScheduleTimeScaleTests
{
    private static readonly DateTime Anchor = new(2030, 1, 1, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void At_a_day_per_second_a_month_of_schedule_passes_in_thirty_seconds_of_host_time()
    {
        var scale = new ScheduleTimeScale(Anchor, 86_400);

        Assert.Equal(Anchor.AddSeconds(30), scale.ToHostTime(Anchor.AddDays(30)));
        Assert.Equal(Anchor.AddDays(30), scale.ToScheduleTime(Anchor.AddSeconds(30)));
        Assert.Equal(Anchor, scale.ToHostTime(Anchor));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(86_400)]
    [InlineData(1_000_000)]
    public void A_timer_never_fires_before_its_schedule_time_and_at_most_one_host_tick_after(int factor)
    {
        var scale = new ScheduleTimeScale(Anchor, factor);
        DateTime[] scheduleTimes = [Anchor.AddTicks(1), Anchor.AddDays(31).AddTicks(12_345), Anchor.AddYears(3).AddMilliseconds(7), Anchor.AddHours(-5).AddTicks(3)];

        foreach (DateTime schedule in scheduleTimes)
        {
            DateTime host = scale.ToHostTime(schedule);
            Assert.True(scale.ToScheduleTime(host) >= schedule, $"{schedule:O} fired early at {host:O}");
            Assert.True(scale.ToScheduleTime(host.AddTicks(-1)) < schedule, $"{schedule:O} fired late at {host:O}");
            Assert.Equal(DateTimeKind.Utc, host.Kind);
        }
    }

    [Fact]
    public void Real_time_maps_every_instant_to_itself()
    {
        var scale = new ScheduleTimeScale(Anchor, 1);
        DateTime instant = new(2031, 7, 9, 3, 4, 5, DateTimeKind.Utc);

        Assert.Equal((instant, instant), (scale.ToHostTime(instant), scale.ToScheduleTime(instant)));
    }

    [Fact]
    public void Schedule_time_far_beyond_the_calendar_is_clamped_rather_than_overflowing()
    {
        var scale = new ScheduleTimeScale(Anchor, 1_000_000);

        Assert.Equal(DateTime.MaxValue.Ticks, scale.ToScheduleTime(Anchor.AddYears(100)).Ticks);
        Assert.Equal(DateTime.MinValue.Ticks, scale.ToScheduleTime(Anchor.AddYears(-100)).Ticks);
    }
}
