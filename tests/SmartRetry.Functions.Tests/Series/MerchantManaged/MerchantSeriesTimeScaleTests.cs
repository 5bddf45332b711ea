using Moq;
using SmartRetry.Functions.Series.MerchantManaged;
using SmartRetry.Functions.Shared.Gateway;
using SmartRetry.Functions.Shared.Series;

namespace SmartRetry.Functions.Tests.Series.MerchantManaged;

/// <summary>A merchant-managed series in accelerated time (a day per second), on virtual time with the replay check.</summary>
public sealed class MerchantSeriesTimeScaleTests
{
    private const int DayPerSecond = 86_400;
    private static readonly DateTime Start = new(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly ScheduleTimeScale Accelerated = new(Start, DayPerSecond);

    [Fact]
    public async Task A_monthly_series_charges_twelve_times_on_its_calendar_due_dates_within_a_year_of_seconds()
    {
        var harness = new MerchantSeriesHarness(Start);
        var schedule = new SeriesSchedule(new DateOnly(2030, 1, 31), RecurrenceFrequency.Monthly, 1, NumberOfPayments: 12, ChargeTimeOfDay: new TimeOnly(9, 30));

        await harness.StartAsync(MerchantSeriesHarness.State(schedule) with { TimeScale = Accelerated });
        await harness.Host.RunToCompletionAsync(MerchantSeriesHarness.SeriesId);

        // SmartRetry answers each charge accepted and tells the outcome only on its status endpoint: the cycle's polls
        // are compressed too, or every charge would push the next one a calendar month late.
        DateTime[] dueDates = [.. new[] { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 }.Select((day, i) => new DateTime(2030, i + 1, day, 9, 30, 0, DateTimeKind.Utc))];
        Assert.Equal(dueDates, harness.LedgerWrites.Select(w => w.DueAtUtc.GetValueOrDefault()));
        Assert.Equal(dueDates.Select(Accelerated.ToHostTime), harness.ChargeTimes);
        Assert.Equal(Start.AddSeconds(30).AddTicks(3_958_334), harness.ChargeTimes[0]);
        Assert.InRange(harness.Host.UtcNow, harness.ChargeTimes[^1], Start.AddSeconds(365));
        Assert.All(harness.LedgerWrites, w => Assert.Equal(SmartRetryStatus.Approved, w.Status));
        Assert.Equal(dueDates[1..], harness.SeriesWrites.Where(w => w.Cycle is not null).Select(w => w.NextDueAtUtc).OfType<DateTime>());
        Assert.Equal(RecurringSeriesStatus.Completed, harness.Series.ReadOutput<MerchantSeriesResult>().Status);
    }

    [Fact]
    public async Task Dunning_re_attempts_keep_their_calendar_offsets_and_wait_a_second_per_day()
    {
        var harness = new MerchantSeriesHarness(Start);
        harness.SmartRetry.DeclineCodeFor = n => n < 3 ? "PAYER_ACCOUNT.INSUFFICIENT_FUNDS" : null;
        var schedule = new SeriesSchedule(new DateOnly(2030, 1, 10), RecurrenceFrequency.Monthly, 1, NumberOfPayments: 2, ChargeTimeOfDay: new TimeOnly(8, 0));

        await harness.StartAsync(MerchantSeriesHarness.State(schedule) with { TimeScale = Accelerated });
        await harness.Host.RunToCompletionAsync(MerchantSeriesHarness.SeriesId);

        DateTime due = new(2030, 1, 10, 8, 0, 0, DateTimeKind.Utc);
        DateTime[] scheduleTimes = [due, due.AddDays(1), due.AddDays(3), due.AddDays(5), new DateTime(2030, 2, 10, 8, 0, 0, DateTimeKind.Utc)];
        Assert.Equal(scheduleTimes.Select(Accelerated.ToHostTime), harness.ChargeTimes);
        Assert.InRange(harness.ChargeTimes[3] - harness.ChargeTimes[0], TimeSpan.FromSeconds(5) - TimeSpan.FromTicks(1), TimeSpan.FromSeconds(5) + TimeSpan.FromTicks(1));
        Assert.Contains($"dunning re-attempt at {due.AddDays(1):O}", harness.LedgerWrites[0].Note, StringComparison.Ordinal);
        Assert.Equal(ChargeCycleOutcome.Approved, harness.Host.GetInstance("rs-test-1-c1").ReadOutput<ChargeCycleResult>().Outcome);
    }

    [Fact]
    public async Task The_card_window_counts_thirty_calendar_days_not_thirty_host_days()
    {
        var harness = new MerchantSeriesHarness(Start);
        harness.SmartRetry.DeclineCodeFor = _ => "INSUFFICIENT_FUNDS";
        DunningPolicy noDunning = DunningPolicy.Default with { RetryOffsets = [] };
        var schedule = new SeriesSchedule(new DateOnly(2030, 1, 1), RecurrenceFrequency.Daily, 1, CancellationDate: new DateOnly(2030, 3, 1));

        await harness.StartAsync(MerchantSeriesHarness.State(schedule, noDunning) with { TimeScale = Accelerated });
        await harness.Host.RunToCompletionAsync(MerchantSeriesHarness.SeriesId);

        // The whole series takes under a minute of host time: a window in host days would never clear after 20 declines.
        DateTime[] declined = [.. harness.LedgerWrites.Where(w => w.Status == SmartRetryStatus.Declined).Select(w => w.DueAtUtc!.Value)];
        int busiestWindow = declined.Max(from => declined.Count(d => d >= from && d < from.AddDays(30)));
        Assert.Equal(20, busiestWindow);
        Assert.True(declined.Length > 20, $"{declined.Length} attempts: charging resumed once thirty calendar days had passed");
        Assert.Contains(harness.LedgerWrites, w => w.Note?.Contains("20 attempts in the last 30 days", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Pause_resume_amount_update_and_cancel_work_in_accelerated_time_and_resuming_skips_the_paused_calendar_months()
    {
        var harness = new MerchantSeriesHarness(Start);
        var schedule = new SeriesSchedule(new DateOnly(2030, 1, 15), RecurrenceFrequency.Monthly, 1, NumberOfPayments: 12);
        await harness.StartAsync(MerchantSeriesHarness.State(schedule) with { TimeScale = Accelerated });

        await harness.AdvanceToAsync(Start.AddSeconds(50));     // Feb 20 in schedule time
        await harness.SendAsync(SeriesCommand.Pause);
        await harness.AdvanceToAsync(Start.AddSeconds(109));    // Apr 20
        await harness.SendAsync(SeriesCommand.Resume);
        await harness.SendAsync(SeriesCommand.UpdateAmount, 25m);
        await harness.AdvanceToAsync(Start.AddSeconds(170));    // Jun 20
        await harness.SendAsync(SeriesCommand.Cancel);
        await harness.AdvanceToAsync(Start.AddSeconds(400));

        DateTime[] charged = [new(2030, 1, 15, 0, 0, 0, DateTimeKind.Utc), new(2030, 2, 15, 0, 0, 0, DateTimeKind.Utc), new(2030, 5, 15, 0, 0, 0, DateTimeKind.Utc), new(2030, 6, 15, 0, 0, 0, DateTimeKind.Utc)];
        Assert.Equal(charged, harness.LedgerWrites.Select(w => w.DueAtUtc.GetValueOrDefault()));
        Assert.Equal(charged.Select(Accelerated.ToHostTime), harness.ChargeTimes);
        Assert.Equal([19.99m, 19.99m, 25m, 25m], harness.SmartRetry.Charges.Select(c => c.Amount));
        Assert.Contains(harness.SeriesWrites, w => w.Status == RecurringSeriesStatus.Active && w.NextDueAtUtc == new DateTime(2030, 5, 15, 0, 0, 0, DateTimeKind.Utc));
        harness.SmartRetry.Recurring.Verify(g => g.CancelRecurringAsync(It.IsAny<string>(), MerchantSeriesHarness.RecurringId, It.IsAny<CancellationToken>()), Times.Once);
        Assert.Equal(RecurringSeriesStatus.Cancelled, harness.Series.ReadOutput<MerchantSeriesResult>().Status);
        Assert.Empty(harness.Host.PendingTimers);
    }

    [Fact]
    public async Task A_scale_of_one_runs_exactly_as_a_series_without_a_scale()
    {
        var schedule = new SeriesSchedule(new DateOnly(2030, 1, 10), RecurrenceFrequency.Monthly, 1, NumberOfPayments: 3, ChargeTimeOfDay: new TimeOnly(8, 0));
        var plain = new MerchantSeriesHarness(Start);
        var realTime = new MerchantSeriesHarness(Start);
        plain.SmartRetry.DeclineCodeFor = realTime.SmartRetry.DeclineCodeFor = n => n == 0 ? "INSUFFICIENT_FUNDS" : null;

        await plain.StartAsync(MerchantSeriesHarness.State(schedule));
        await realTime.StartAsync(MerchantSeriesHarness.State(schedule) with { TimeScale = new ScheduleTimeScale(Start.AddDays(3), 1) });
        await plain.Host.RunToCompletionAsync(MerchantSeriesHarness.SeriesId);
        await realTime.Host.RunToCompletionAsync(MerchantSeriesHarness.SeriesId);

        Assert.Equal(4, plain.ChargeTimes.Count);
        Assert.Equal(plain.ChargeTimes, realTime.ChargeTimes);
        Assert.Equal(plain.LedgerWrites, realTime.LedgerWrites);
    }
}
