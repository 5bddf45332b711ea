using SmartRetry.Functions.Shared.Gateway;
using SmartRetry.Functions.Shared.Series;
using SmartRetry.Functions.Tests.Shared.Gateway;

namespace SmartRetry.Functions.Tests.Shared.Series;

/// <summary>The recurring gateway against the in-process simulator: real HTTP on loopback, real client.</summary>
public sealed class SmartRetryRecurringGatewayTests : IAsyncLifetime
{
    private static readonly SeriesSchedule Monthly = new(new DateOnly(2026, 2, 1), RecurrenceFrequency.Monthly, 1, NumberOfPayments: 12);

    private SimulatorGateway harness = null!;

    private SmartRetryRecurringGateway Gateway => harness.Recurring;

    public async Task InitializeAsync() => harness = await SimulatorGateway.StartAsync();

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task Merchant_series_is_created_with_its_first_payment_and_charged_on_request()
    {
        RecurringInitReply init = await InitAsync("init-merchant", SeriesManagement.Merchant, 49.90m, schedule: null);

        SubmissionResult charge = await Gateway.ChargeRecurringAsync(new RecurringChargeSubmission("charge-1", init.RecurringId!, 59.90m, "USD"), CancellationToken.None);
        RecurringSnapshot snapshot = await Gateway.GetRecurringAsync(init.RecurringId!, CancellationToken.None);

        Assert.True(init.Accepted);
        Assert.NotNull(init.TransactionId);
        Assert.True(charge.Accepted);
        Assert.False(charge.Replayed);
        Assert.Equal(RecurringSeriesStatus.Active, snapshot.Status);
        Assert.Equal(SeriesManagement.Merchant, snapshot.ManagedBy);
        Assert.Empty(snapshot.FutureTransactions);
        Assert.Equal(
            [(init.TransactionId, 49.90m, true), (charge.TransactionId, 59.90m, true)],
            snapshot.CompletedTransactions.Select(c => ((string?)c.TransactionId, c.Amount, c.Accepted)));
    }

    [Fact]
    public async Task A_charge_repeated_with_the_same_key_is_replayed_not_charged_again()
    {
        RecurringInitReply init = await InitAsync("init-replay", SeriesManagement.Merchant, 10m, schedule: null);
        var submission = new RecurringChargeSubmission("charge-once", init.RecurringId!, 10m, "USD");

        SubmissionResult first = await Gateway.ChargeRecurringAsync(submission, CancellationToken.None);
        SubmissionResult second = await Gateway.ChargeRecurringAsync(submission, CancellationToken.None);
        RecurringSnapshot snapshot = await Gateway.GetRecurringAsync(init.RecurringId!, CancellationToken.None);

        Assert.False(first.Replayed);
        Assert.True(second.Replayed);
        Assert.Equal(first.TransactionId, second.TransactionId);
        Assert.Equal(2, snapshot.CompletedTransactions.Count);
    }

    [Fact]
    public async Task A_declined_first_payment_creates_no_active_series()
    {
        // .32: the simulator's hard decline (stolen card).
        RecurringInitReply init = await InitAsync("init-declined", SeriesManagement.Merchant, 20.32m, schedule: null);

        Assert.False(init.Accepted);
    }

    [Fact]
    public async Task Platform_series_lists_its_future_transactions_which_can_be_read_updated_charged_and_cancelled()
    {
        RecurringInitReply init = await InitAsync("init-platform", SeriesManagement.OurPlatform, 25m, Monthly);
        RecurringSnapshot snapshot = await Gateway.GetRecurringAsync(init.RecurringId!, CancellationToken.None);
        FutureTransactionSnapshot[] pending = [.. snapshot.FutureTransactions.OrderBy(f => f.ScheduledDate)];

        Assert.Equal(SeriesManagement.OurPlatform, snapshot.ManagedBy);
        Assert.True(pending.Length >= 3);
        Assert.All(pending, f => Assert.Equal(FutureTransactionStatus.Pending, f.Status));
        Assert.All(pending, f => Assert.Equal(init.RecurringId, f.RecurringId));
        // recurring_init ran the first occurrence (2026-02-01), so the schedule continues from the second.
        Assert.Equal(new DateOnly(2026, 3, 1), pending[0].ScheduledDate);
        Assert.Equal(pending[0], await Gateway.GetFutureTransactionAsync(pending[0].FutureTransactionId, CancellationToken.None));

        bool updated = await Gateway.UpdateFutureTransactionAsync(
            new FutureTransactionUpdate(pending[0].FutureTransactionId, init.RecurringId!, 30m, new DateOnly(2026, 3, 3)), CancellationToken.None);
        FutureTransactionSnapshot afterUpdate = await Gateway.GetFutureTransactionAsync(pending[0].FutureTransactionId, CancellationToken.None);
        Assert.True(updated);
        Assert.Equal((30m, new DateOnly(2026, 3, 3)), (afterUpdate.Amount, afterUpdate.ScheduledDate));

        SubmissionResult charged = await Gateway.ChargeFutureTransactionAsync(
            new FutureTransactionCharge("charge-now", pending[0].FutureTransactionId, init.RecurringId!), CancellationToken.None);
        FutureTransactionSnapshot afterCharge = await Gateway.GetFutureTransactionAsync(pending[0].FutureTransactionId, CancellationToken.None);
        Assert.True(charged.Accepted);
        Assert.Equal(FutureTransactionStatus.Completed, afterCharge.Status);
        Assert.Equal(charged.TransactionId, afterCharge.ExecutedTransactionId);

        bool skipped = await Gateway.CancelFutureTransactionAsync("skip-second", pending[1].FutureTransactionId, init.RecurringId!, CancellationToken.None);
        Assert.True(skipped);
        Assert.Equal(FutureTransactionStatus.Cancelled, (await Gateway.GetFutureTransactionAsync(pending[1].FutureTransactionId, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task Series_amount_and_payment_count_update_then_cancel_for_good()
    {
        RecurringInitReply init = await InitAsync("init-update", SeriesManagement.OurPlatform, 25m, Monthly);

        bool updated = await Gateway.UpdateRecurringAsync(new RecurringUpdate(init.RecurringId!, Amount: 35m, NumberOfPayments: 6), CancellationToken.None);
        RecurringSnapshot afterUpdate = await Gateway.GetRecurringAsync(init.RecurringId!, CancellationToken.None);
        bool cancelled = await Gateway.CancelRecurringAsync("cancel-series", init.RecurringId!, CancellationToken.None);
        RecurringSnapshot afterCancel = await Gateway.GetRecurringAsync(init.RecurringId!, CancellationToken.None);

        Assert.True(updated);
        Assert.Equal(5, afterUpdate.RemainingPayments);
        Assert.True(cancelled);
        Assert.Equal(RecurringSeriesStatus.Cancelled, afterCancel.Status);
    }

    [Fact]
    public async Task An_unknown_series_is_rejected_with_its_status_and_reason_code()
    {
        SmartRetryRejectedException rejected = await Assert.ThrowsAsync<SmartRetryRejectedException>(
            () => Gateway.GetRecurringAsync("RCZZZZZZ", CancellationToken.None));

        Assert.Equal(404, rejected.StatusCode);
        Assert.Equal("RECURRING_NOT_FOUND", rejected.ReasonCode);
    }

    [Fact]
    public async Task Charging_a_platform_managed_series_is_rejected_as_a_conflict()
    {
        RecurringInitReply init = await InitAsync("init-conflict", SeriesManagement.OurPlatform, 25m, Monthly);

        SmartRetryRejectedException rejected = await Assert.ThrowsAsync<SmartRetryRejectedException>(
            () => Gateway.ChargeRecurringAsync(new RecurringChargeSubmission("charge-platform", init.RecurringId!, 25m, "USD"), CancellationToken.None));

        Assert.Equal(409, rejected.StatusCode);
        Assert.Equal("RECURRING_NOT_MANAGED_BY_MERCHANT", rejected.ReasonCode);
        Assert.DoesNotContain("4111", rejected.Message, StringComparison.Ordinal);
    }

    private async Task<RecurringInitReply> InitAsync(string key, SeriesManagement managedBy, decimal amount, SeriesSchedule? schedule) =>
        await Gateway.InitRecurringAsync(
            new RecurringInitSubmission(key, amount, "USD", managedBy, schedule, SimulatorGateway.Card, SimulatorGateway.Payer), CancellationToken.None);
}
