using System.Text.Json;
using Moq;
using SmartRetry.Functions.Series.MerchantManaged;
using SmartRetry.Functions.Shared.Correlation;
using SmartRetry.Functions.Shared.Durable;
using SmartRetry.Functions.Shared.Events;
using SmartRetry.Functions.Shared.Gateway;
using SmartRetry.Functions.Shared.Serialization;
using SmartRetry.Functions.Shared.Series;
using SmartRetry.Functions.Shared.Tracking;
using SmartRetry.Functions.Tests.TestHost;

namespace SmartRetry.Functions.Tests.Series.MerchantManaged;

public sealed class MerchantRecurringSeriesWorkflowTests
{
    private static readonly DateTime Start = new(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task A_monthly_series_charges_twelve_times_over_a_year_on_exactly_the_scheduled_dates()
    {
        var harness = new MerchantSeriesHarness(Start);
        var schedule = new SeriesSchedule(new DateOnly(2030, 1, 31), RecurrenceFrequency.Monthly, 1, NumberOfPayments: 12, ChargeTimeOfDay: new TimeOnly(9, 30));

        await harness.StartAsync(MerchantSeriesHarness.State(schedule));
        await harness.Host.RunToCompletionAsync(MerchantSeriesHarness.SeriesId);

        DateTime[] expected = [.. new[] { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 }.Select((day, i) => new DateTime(2030, i + 1, day, 9, 30, 0, DateTimeKind.Utc))];
        Assert.Equal(expected, harness.ChargeTimes);
        Assert.All(harness.SmartRetry.Charges, c => Assert.Equal((MerchantSeriesHarness.RecurringId, 19.99m, "EUR"), (c.RecurringId, c.Amount, c.Currency)));
        Assert.Equal(12, harness.LedgerWrites.Count(w => w.Status == SmartRetryStatus.Approved));
        Assert.Equal(RecurringSeriesStatus.Completed, harness.Series.ReadOutput<MerchantSeriesResult>().Status);
        Assert.Equal(RecurringSeriesStatus.Completed, harness.SeriesWrites[^1].Status);
    }

    [Fact]
    public async Task A_series_paused_for_two_cycles_charges_nothing_meanwhile_and_resumes_on_its_schedule()
    {
        var harness = new MerchantSeriesHarness(Start);
        var schedule = new SeriesSchedule(new DateOnly(2030, 1, 15), RecurrenceFrequency.Monthly, 1, NumberOfPayments: 6);
        await harness.StartAsync(MerchantSeriesHarness.State(schedule));

        await harness.AdvanceToAsync(new DateTime(2030, 2, 20, 0, 0, 0, DateTimeKind.Utc));
        await harness.SendAsync(SeriesCommand.Pause);
        await harness.AdvanceToAsync(new DateTime(2030, 4, 20, 0, 0, 0, DateTimeKind.Utc));
        int chargedWhilePaused = harness.ChargeTimes.Count(t => t > new DateTime(2030, 2, 20, 0, 0, 0, DateTimeKind.Utc));
        await harness.SendAsync(SeriesCommand.Resume);
        await harness.Host.RunToCompletionAsync(MerchantSeriesHarness.SeriesId);

        Assert.Equal(0, chargedWhilePaused);
        Assert.Equal(
            [new DateTime(2030, 1, 15, 0, 0, 0, DateTimeKind.Utc), new DateTime(2030, 2, 15, 0, 0, 0, DateTimeKind.Utc),
             new DateTime(2030, 5, 15, 0, 0, 0, DateTimeKind.Utc), new DateTime(2030, 6, 15, 0, 0, 0, DateTimeKind.Utc)],
            harness.ChargeTimes);
        Assert.Contains(harness.SeriesWrites, w => w.Status == RecurringSeriesStatus.Paused);
        Assert.Contains(harness.SeriesWrites, w => w.Status == RecurringSeriesStatus.Active && w.NextDueAtUtc == new DateTime(2030, 5, 15, 0, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public async Task A_pause_that_arrives_while_a_finished_cycle_is_being_recorded_is_not_lost_at_ContinueAsNew()
    {
        // Found in the real host: the pause completed the generation's pending wait while the series recorded the cycle,
        // and Durable carries only events no wait took into the next generation, so the series went on charging.
        var harness = new MerchantSeriesHarness(Start);
        var schedule = new SeriesSchedule(new DateOnly(2030, 1, 15), RecurrenceFrequency.Monthly, 1, NumberOfPayments: 6);
        await harness.StartAsync(MerchantSeriesHarness.State(schedule));
        await harness.AdvanceToAsync(new DateTime(2030, 1, 20, 0, 0, 0, DateTimeKind.Utc));
        harness.Host.HoldActivity(nameof(RecordRecurringSeriesChange));
        await harness.AdvanceToAsync(new DateTime(2030, 2, 16, 0, 0, 0, DateTimeKind.Utc));
        Assert.Equal(1, harness.Host.ActivitiesInFlight);

        await harness.SendAsync(SeriesCommand.Pause);
        await harness.Host.StopHoldingActivity(nameof(RecordRecurringSeriesChange)).ReleaseActivityAsync(nameof(RecordRecurringSeriesChange));
        await harness.AdvanceToAsync(new DateTime(2030, 5, 1, 0, 0, 0, DateTimeKind.Utc));

        Assert.Equal([new DateTime(2030, 1, 15, 0, 0, 0, DateTimeKind.Utc), new DateTime(2030, 2, 15, 0, 0, 0, DateTimeKind.Utc)], harness.ChargeTimes);
        Assert.Equal(RecurringSeriesStatus.Paused, harness.Series.ReadCustomStatus<MerchantSeriesStatus>()!.Status);
        Assert.Contains(harness.SeriesWrites, w => w.Status == RecurringSeriesStatus.Paused);
    }

    [Fact]
    public async Task Cancelling_while_the_series_waits_on_its_timer_charges_nothing_more_and_cancels_at_SmartRetry_once()
    {
        var harness = new MerchantSeriesHarness(Start);
        var schedule = new SeriesSchedule(new DateOnly(2030, 1, 10), RecurrenceFrequency.Monthly, 1);
        await harness.StartAsync(MerchantSeriesHarness.State(schedule));
        await harness.AdvanceToAsync(new DateTime(2030, 1, 20, 0, 0, 0, DateTimeKind.Utc));

        RaiseEventResult first = await harness.SendAsync(SeriesCommand.Cancel);
        RaiseEventResult repeat = await harness.SendAsync(SeriesCommand.Cancel);
        await harness.AdvanceToAsync(new DateTime(2031, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        Assert.Equal((RaiseEventResult.Raised, RaiseEventResult.InstanceFinished), (first, repeat));
        Assert.Single(harness.ChargeTimes);
        harness.SmartRetry.Recurring.Verify(g => g.CancelRecurringAsync(IdempotencyKeys.Derive(MerchantSeriesHarness.SeriesId, MerchantRecurringSeriesWorkflow.CancelStep), MerchantSeriesHarness.RecurringId, It.IsAny<CancellationToken>()), Times.Once);
        Assert.Equal(RecurringSeriesStatus.Cancelled, harness.Series.ReadOutput<MerchantSeriesResult>().Status);
        Assert.Empty(harness.Host.PendingTimers);
    }

    [Fact]
    public async Task Cancelling_during_dunning_stops_the_retries_and_cancels_at_SmartRetry_once()
    {
        var harness = new MerchantSeriesHarness(Start);
        harness.SmartRetry.DeclineCodeFor = _ => "INSUFFICIENT_FUNDS";
        await harness.StartAsync(MerchantSeriesHarness.State(new SeriesSchedule(new DateOnly(2030, 1, 10), RecurrenceFrequency.Monthly, 1)));
        await harness.AdvanceToAsync(new DateTime(2030, 1, 12, 0, 0, 0, DateTimeKind.Utc));

        await harness.SendAsync(SeriesCommand.Cancel);
        await harness.AdvanceToAsync(new DateTime(2030, 3, 1, 0, 0, 0, DateTimeKind.Utc));

        Assert.Equal([new DateTime(2030, 1, 10, 0, 0, 0, DateTimeKind.Utc), new DateTime(2030, 1, 11, 0, 0, 0, DateTimeKind.Utc)], harness.ChargeTimes);
        harness.SmartRetry.Recurring.Verify(g => g.CancelRecurringAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Equal(ChargeCycleOutcome.Interrupted, harness.Host.GetInstance("rs-test-1-c1").ReadOutput<ChargeCycleResult>().Outcome);
        Assert.True(harness.Series.IsFinished);
    }

    [Fact]
    public async Task A_soft_decline_is_re_attempted_at_the_dunning_offsets_until_approved()
    {
        var harness = new MerchantSeriesHarness(Start);
        harness.SmartRetry.DeclineCodeFor = n => n < 3 ? "PAYER_ACCOUNT.INSUFFICIENT_FUNDS" : null;
        var schedule = new SeriesSchedule(new DateOnly(2030, 1, 10), RecurrenceFrequency.Monthly, 1, NumberOfPayments: 2, ChargeTimeOfDay: new TimeOnly(8, 0));

        await harness.StartAsync(MerchantSeriesHarness.State(schedule));
        await harness.Host.RunToCompletionAsync(MerchantSeriesHarness.SeriesId);

        DateTime due = new(2030, 1, 10, 8, 0, 0, DateTimeKind.Utc);
        Assert.Equal([due, due.AddDays(1), due.AddDays(3), due.AddDays(5), new DateTime(2030, 2, 10, 8, 0, 0, DateTimeKind.Utc)], harness.ChargeTimes);
        string[] keys = [.. harness.SmartRetry.Charges.Select(c => c.IdempotencyKey)];
        Assert.Equal(keys.Length, keys.Distinct().Count());
        Assert.Equal(IdempotencyKeys.Derive("rs-test-1-c1", RecurringChargeCycleWorkflow.ChargeStep(4)), keys[3]);
        Assert.Equal(ChargeCycleOutcome.Approved, harness.Host.GetInstance("rs-test-1-c1").ReadOutput<ChargeCycleResult>().Outcome);
        Assert.All(harness.LedgerWrites.Take(3), w => Assert.Contains("dunning re-attempt", w.Note, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("PAYER_ACCOUNT.STOLEN_CARD")]
    [InlineData("RISK.FRAUD_SUSPECTED")]
    public async Task A_hard_decline_pauses_the_series_needing_a_new_payment_method_and_nothing_is_charged_until_the_merchant_resumes(string reason)
    {
        var harness = new MerchantSeriesHarness(Start);
        harness.SmartRetry.DeclineCodeFor = n => n == 0 ? reason : null;
        var schedule = new SeriesSchedule(new DateOnly(2030, 1, 10), RecurrenceFrequency.Monthly, 1, NumberOfPayments: 6);
        await harness.StartAsync(MerchantSeriesHarness.State(schedule));

        await harness.AdvanceToAsync(new DateTime(2030, 4, 20, 0, 0, 0, DateTimeKind.Utc));
        IReadOnlyList<DateTime> chargedBeforeResume = harness.ChargeTimes;
        MerchantSeriesStatus? paused = harness.Series.ReadCustomStatus<MerchantSeriesStatus>();
        await harness.SendAsync(SeriesCommand.Resume);
        await harness.Host.RunToCompletionAsync(MerchantSeriesHarness.SeriesId);

        Assert.Equal([new DateTime(2030, 1, 10, 0, 0, 0, DateTimeKind.Utc)], chargedBeforeResume);
        Assert.Equal((RecurringSeriesStatus.Paused, true), (paused!.Status, paused.NeedsPaymentMethod));
        Assert.Contains("paused until the payer gives a new payment method", harness.LedgerWrites[0].Note, StringComparison.Ordinal);
        SeriesChange pause = Assert.Single(harness.SeriesWrites, w => w.Status == RecurringSeriesStatus.Paused);
        Assert.Contains("needs a new payment method", pause.Note, StringComparison.Ordinal);
        Assert.Equal(
            [new DateTime(2030, 1, 10, 0, 0, 0, DateTimeKind.Utc), new DateTime(2030, 5, 10, 0, 0, 0, DateTimeKind.Utc), new DateTime(2030, 6, 10, 0, 0, 0, DateTimeKind.Utc)],
            harness.ChargeTimes);
        Assert.False(harness.Series.ReadCustomStatusHistory<MerchantSeriesStatus>().Last(s => s!.Status == RecurringSeriesStatus.Active)!.NeedsPaymentMethod);
        harness.SmartRetry.Recurring.Verify(g => g.CancelRecurringAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_do_not_retry_decline_also_pauses_even_when_exhausted_dunning_would_leave_the_series_active()
    {
        var harness = new MerchantSeriesHarness(Start);
        harness.SmartRetry.DeclineCodeFor = n => n == 0 ? "AUTHORIZATION_REVOKED" : null;

        await harness.StartAsync(MerchantSeriesHarness.State(new SeriesSchedule(new DateOnly(2030, 1, 10), RecurrenceFrequency.Monthly, 1, NumberOfPayments: 3)));
        await harness.AdvanceToAsync(new DateTime(2030, 6, 1, 0, 0, 0, DateTimeKind.Utc));

        Assert.Single(harness.ChargeTimes);
        Assert.Equal(RecurringSeriesStatus.Paused, harness.Series.ReadCustomStatus<MerchantSeriesStatus>()!.Status);
    }

    [Fact]
    public async Task With_the_cancel_action_a_hard_decline_cancels_the_series_at_SmartRetry_once()
    {
        var harness = new MerchantSeriesHarness(Start);
        harness.SmartRetry.DeclineCodeFor = _ => "PAYER_ACCOUNT.STOLEN_CARD";
        DunningPolicy cancelOnHardDecline = DunningPolicy.Default with { OnHardDecline = HardDeclineAction.CancelSeries };

        await harness.StartAsync(MerchantSeriesHarness.State(new SeriesSchedule(new DateOnly(2030, 1, 10), RecurrenceFrequency.Monthly, 1), cancelOnHardDecline));
        await harness.Host.RunToCompletionAsync(MerchantSeriesHarness.SeriesId);

        Assert.Single(harness.ChargeTimes);
        Assert.Contains("series is cancelled", harness.LedgerWrites[0].Note, StringComparison.Ordinal);
        harness.SmartRetry.Recurring.Verify(g => g.CancelRecurringAsync(IdempotencyKeys.Derive(MerchantSeriesHarness.SeriesId, MerchantRecurringSeriesWorkflow.CancelStep), MerchantSeriesHarness.RecurringId, It.IsAny<CancellationToken>()), Times.Once);
        MerchantSeriesResult result = harness.Series.ReadOutput<MerchantSeriesResult>();
        Assert.Equal(RecurringSeriesStatus.Cancelled, result.Status);
        Assert.Contains("hard-decline policy cancels", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_stay_active_action_a_hard_decline_is_not_re_attempted_and_the_next_cycle_still_charges()
    {
        var harness = new MerchantSeriesHarness(Start);
        harness.SmartRetry.DeclineCodeFor = n => n == 0 ? "PAYMENT_METHOD.EXPIRED_CARD" : null;
        var schedule = new SeriesSchedule(new DateOnly(2030, 1, 10), RecurrenceFrequency.Monthly, 1, NumberOfPayments: 3);
        DunningPolicy stayActive = DunningPolicy.Default with { OnHardDecline = HardDeclineAction.StayActive, ExhaustedAction = DunningExhaustedAction.CancelSeries };

        await harness.StartAsync(MerchantSeriesHarness.State(schedule, stayActive));
        await harness.Host.RunToCompletionAsync(MerchantSeriesHarness.SeriesId);

        Assert.Equal([new DateTime(2030, 1, 10, 0, 0, 0, DateTimeKind.Utc), new DateTime(2030, 2, 10, 0, 0, 0, DateTimeKind.Utc), new DateTime(2030, 3, 10, 0, 0, 0, DateTimeKind.Utc)], harness.ChargeTimes);
        ChargeRecord declined = harness.LedgerWrites[0];
        Assert.Equal(SmartRetryStatus.Declined, declined.Status);
        Assert.Contains("hard decline", declined.Note, StringComparison.Ordinal);
        Assert.Contains("stays active", declined.Note, StringComparison.Ordinal);
        Assert.Equal(RecurringSeriesStatus.Completed, harness.Series.ReadOutput<MerchantSeriesResult>().Status);
    }

    [Fact]
    public async Task With_the_cancel_action_an_unpaid_cycle_cancels_the_series_and_the_ledger_says_so()
    {
        var harness = new MerchantSeriesHarness(Start);
        harness.SmartRetry.DeclineCodeFor = _ => "INSUFFICIENT_FUNDS";
        DunningPolicy cancelOnExhaustion = DunningPolicy.Default with { ExhaustedAction = DunningExhaustedAction.CancelSeries };

        await harness.StartAsync(MerchantSeriesHarness.State(new SeriesSchedule(new DateOnly(2030, 1, 10), RecurrenceFrequency.Monthly, 1), cancelOnExhaustion));
        await harness.Host.RunToCompletionAsync(MerchantSeriesHarness.SeriesId);

        Assert.Equal(4, harness.ChargeTimes.Count);
        Assert.Contains("series is cancelled", harness.LedgerWrites[^1].Note, StringComparison.Ordinal);
        harness.SmartRetry.Recurring.Verify(g => g.CancelRecurringAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Equal(RecurringSeriesStatus.Cancelled, harness.Series.ReadOutput<MerchantSeriesResult>().Status);
    }

    public static TheoryData<double[]> DailyDunning => new() { Array.Empty<double>(), new[] { 1.0, 2.0, 3.0 } };

    [Theory]
    [MemberData(nameof(DailyDunning))]
    public async Task A_daily_series_that_always_soft_declines_never_exceeds_twenty_attempts_in_any_thirty_days(double[] retryOffsetHours)
    {
        var harness = new MerchantSeriesHarness(Start);
        harness.SmartRetry.DeclineCodeFor = _ => "INSUFFICIENT_FUNDS";
        DunningPolicy dunning = DunningPolicy.Default with { RetryOffsets = [.. retryOffsetHours.Select(TimeSpan.FromHours)] };
        var schedule = new SeriesSchedule(new DateOnly(2030, 1, 1), RecurrenceFrequency.Daily, 1, CancellationDate: new DateOnly(2030, 6, 1));

        await harness.StartAsync(MerchantSeriesHarness.State(schedule, dunning));
        await harness.Host.RunToCompletionAsync(MerchantSeriesHarness.SeriesId);

        IReadOnlyList<DateTime> attempts = harness.ChargeTimes;
        int busiestWindow = attempts.Max(from => attempts.Count(t => t >= from && t <= from.AddDays(30)));
        Assert.Equal(20, busiestWindow);
        Assert.True(attempts.Count > 80, $"the series kept charging once the window allowed it ({attempts.Count} attempts)");
        Assert.Contains(harness.LedgerWrites, w => w.Note?.Contains("20 attempts in the last 30 days", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task The_history_of_each_ContinueAsNew_generation_stays_under_a_fixed_bound()
    {
        var harness = new MerchantSeriesHarness(Start);
        harness.SmartRetry.DeclineCodeFor = n => n % 3 == 0 ? "INSUFFICIENT_FUNDS" : null;
        var schedule = new SeriesSchedule(new DateOnly(2030, 1, 5), RecurrenceFrequency.Weekly, 1, NumberOfPayments: 104);
        await harness.StartAsync(MerchantSeriesHarness.State(schedule));

        await harness.AdvanceToAsync(new DateTime(2030, 6, 1, 0, 0, 0, DateTimeKind.Utc));
        await harness.SendAsync(SeriesCommand.UpdateAmount, 25m);
        await harness.SendAsync(SeriesCommand.Pause);
        await harness.SendAsync(SeriesCommand.Resume);
        await harness.Host.RunToCompletionAsync(MerchantSeriesHarness.SeriesId);

        IReadOnlyList<WorkflowGeneration> generations = harness.Series.Generations;
        Assert.True(generations.Count > 100, $"{generations.Count} generations");
        Assert.All(generations, g => Assert.InRange(g.History.Count, 1, 25));
        // A cycle's history grows with its own attempts (bounded by the dunning policy), never with the series' age.
        Assert.All(harness.Host.Instances.Where(i => i.InstanceId.Contains("-c", StringComparison.Ordinal)), cycle => Assert.InRange(cycle.CurrentGeneration.History.Count, 1, 40));
    }

    [Fact]
    public async Task An_amount_update_applies_from_the_next_charge_and_is_sent_to_SmartRetry_once()
    {
        var harness = new MerchantSeriesHarness(Start);
        await harness.StartAsync(MerchantSeriesHarness.State(new SeriesSchedule(new DateOnly(2030, 1, 10), RecurrenceFrequency.Monthly, 1, NumberOfPayments: 2)));
        await harness.AdvanceToAsync(new DateTime(2030, 1, 20, 0, 0, 0, DateTimeKind.Utc));

        await harness.SendAsync(SeriesCommand.UpdateAmount, 25m);
        await harness.Host.RunToCompletionAsync(MerchantSeriesHarness.SeriesId);

        Assert.Equal([19.99m, 25m], harness.SmartRetry.Charges.Select(c => c.Amount));
        harness.SmartRetry.Recurring.Verify(g => g.UpdateRecurringAsync(new RecurringUpdate(MerchantSeriesHarness.RecurringId, 25m, null), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Webhooks_reach_the_charge_cycle_an_approval_is_taken_and_a_decline_is_confirmed_before_dunning()
    {
        var harness = new MerchantSeriesHarness(Start);
        harness.SmartRetry.OutcomeByWebhook = true;
        await harness.StartAsync(MerchantSeriesHarness.State(new SeriesSchedule(new DateOnly(2030, 1, 10), RecurrenceFrequency.Monthly, 1, NumberOfPayments: 2)));
        await harness.AdvanceToAsync(new DateTime(2030, 1, 10, 0, 0, 0, DateTimeKind.Utc));

        // Cycle 1: declined by webhook; the orchestration confirms it on the status endpoint before deciding on dunning.
        harness.SmartRetry.Settle("T0000001", SmartRetryStatus.Declined, "INSUFFICIENT_FUNDS");
        await harness.Host.RaiseEventAsync("rs-test-1-c1", OrchestrationEventNames.Transaction, Event("T0000001", SmartRetryStatus.Declined));
        int statusReadsAfterDecline = harness.Host.CountActivityCalls(nameof(GetTransactionStatus));
        await harness.AdvanceToAsync(new DateTime(2030, 1, 11, 0, 0, 0, DateTimeKind.Utc));
        await harness.Host.RaiseEventAsync("rs-test-1-c1", OrchestrationEventNames.Transaction, Event("T0000002", SmartRetryStatus.Approved));

        ChargeCycleResult cycle = harness.Host.GetInstance("rs-test-1-c1").ReadOutput<ChargeCycleResult>();
        Assert.Equal(1, statusReadsAfterDecline);
        Assert.Equal((ChargeCycleOutcome.Approved, 2, "T0000002"), (cycle.Outcome, cycle.Attempts, cycle.TransactionId));
        Assert.Equal(1, harness.Host.CountActivityCalls(nameof(GetTransactionStatus)));
        Assert.Equal(new DateTime(2030, 1, 11, 0, 0, 0, DateTimeKind.Utc), harness.Host.UtcNow);
    }

    [Fact]
    public async Task A_charge_approval_webhook_that_beat_the_correlation_is_taken_from_the_charge_activity()
    {
        var harness = new MerchantSeriesHarness(Start);
        harness.SmartRetry.OutcomeByWebhook = true;
        TransactionEvent early = Event("T0000001", SmartRetryStatus.Approved);
        harness.PendingEvents.Setup(p => p.GetAsync(CorrelationKind.Transaction, "T0000001", It.IsAny<CancellationToken>())).ReturnsAsync(
            [new PendingEvent(CorrelationKind.Transaction, "T0000001", early.EventId, OrchestrationEventNames.Transaction, early.CreatedAt, JsonSerializer.Serialize(early, PaymentsJson.Options))]);
        await harness.StartAsync(MerchantSeriesHarness.State(new SeriesSchedule(new DateOnly(2030, 1, 10), RecurrenceFrequency.Monthly, 1, NumberOfPayments: 1)));

        await harness.AdvanceToAsync(new DateTime(2030, 1, 10, 0, 0, 0, DateTimeKind.Utc));

        ChargeCycleResult cycle = harness.Host.GetInstance("rs-test-1-c1").ReadOutput<ChargeCycleResult>();
        Assert.Equal((ChargeCycleOutcome.Approved, 1, "T0000001"), (cycle.Outcome, cycle.Attempts, cycle.TransactionId));
        Assert.Equal(0, harness.Host.CountActivityCalls(nameof(GetTransactionStatus)));
    }

    private static TransactionEvent Event(string transactionId, SmartRetryStatus status) =>
        new($"evt-{transactionId}-{status}", "transaction." + status.ToString().ToLowerInvariant(), new DateTimeOffset(Start), transactionId, status, null, 1);
}
