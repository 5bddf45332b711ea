using Moq;
using SmartRetry.Functions.Workflows.Recurring;
using SmartRetry.Payments.Gateway;
using SmartRetry.Payments.Recurring.Activities;
using SmartRetry.Payments.Recurring.Events;
using SmartRetry.Payments.Workflows;

namespace SmartRetry.Functions.Tests.Workflows.Recurring;

public sealed class RecurringActivityFunctionsTests : IDisposable
{
    private readonly FunctionsApp app = new();

    public void Dispose() => app.Dispose();

    [Theory]
    [InlineData(RaiseEventResult.Raised, true)]
    [InlineData(RaiseEventResult.InstanceFinished, false)]
    public async Task InterruptCycle_raises_the_interrupt_through_the_invocations_bound_workflow_client(RaiseEventResult raised, bool expected)
    {
        app.Workflows.Setup(w => w.RaiseEventAsync("rs-1-c3", It.IsAny<string>(), It.IsAny<object?>(), It.IsAny<CancellationToken>())).ReturnsAsync(raised);

        bool interrupted = await app.Create<RecurringActivityFunctions>().InterruptCycle(
            new CycleInterruption("rs-1-c3", new SeriesControl(SeriesCommand.Pause, "req-1", app.Time.GetUtcNow())), app.DurableClient, CancellationToken.None);

        Assert.Equal(expected, interrupted);
        app.WorkflowClients.Verify(f => f.Create(app.DurableClient), Times.Once);
    }

    [Fact]
    public async Task UpdateRecurringAmount_sends_the_update_to_smartretry()
    {
        var update = new RecurringUpdate("RC000001", 12.50m);
        app.RecurringGateway.Setup(g => g.UpdateRecurringAsync(update, It.IsAny<CancellationToken>())).ReturnsAsync(true);

        Assert.True(await app.Create<RecurringActivityFunctions>().UpdateRecurringAmount(update, CancellationToken.None));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ReserveCardAttempt_asks_the_card_s_shared_window_with_the_workflow_s_time(bool granted)
    {
        var at = new DateTime(2026, 11, 23, 22, 0, 0, DateTimeKind.Utc);
        app.CardAttempts.Setup(s => s.TryReserveAsync("card-fp", "rs-1-c3-a2", at, 20, It.IsAny<CancellationToken>())).ReturnsAsync(granted);

        Assert.Equal(granted, await app.Create<RecurringActivityFunctions>().ReserveCardAttempt(new CardAttemptReservation("card-fp", "rs-1-c3-a2", at, 20), CancellationToken.None));
    }

    [Fact]
    public async Task ReleaseCardAttempt_frees_the_approved_attempt_s_slot()
    {
        await app.Create<RecurringActivityFunctions>().ReleaseCardAttempt(new CardAttemptRelease("card-fp", "rs-1-c3-a2"), CancellationToken.None);

        app.CardAttempts.Verify(s => s.ReleaseAsync("card-fp", "rs-1-c3-a2", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task GetFutureTransaction_returns_smartretrys_view_of_it()
    {
        var snapshot = new FutureTransactionSnapshot("FT000001", "RC000001", new DateOnly(2026, 12, 1), 1, 19.99m, "EUR", FutureTransactionStatus.Pending);
        app.RecurringGateway.Setup(g => g.GetFutureTransactionAsync("FT000001", It.IsAny<CancellationToken>())).ReturnsAsync(snapshot);

        Assert.Same(snapshot, await app.Create<RecurringActivityFunctions>().GetFutureTransaction("FT000001", CancellationToken.None));
    }
}
