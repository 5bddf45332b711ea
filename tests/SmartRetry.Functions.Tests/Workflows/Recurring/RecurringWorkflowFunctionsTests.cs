using Microsoft.DurableTask;
using Moq;
using SmartRetry.Functions.Workflows.Recurring;
using SmartRetry.Payments.Gateway;
using SmartRetry.Payments.Recurring;
using SmartRetry.Payments.Recurring.FutureTransactions;
using SmartRetry.Payments.Recurring.Merchant;
using SmartRetry.Payments.Recurring.Platform;

namespace SmartRetry.Functions.Tests.Workflows.Recurring;

public sealed class RecurringWorkflowFunctionsTests
{
    [Fact]
    public async Task The_watch_runs_on_the_orchestration_input_and_returns_the_workflows_verdict()
    {
        var input = new FutureTransactionWatchInput("rs-1", "RC000001", "FT000001", new DateOnly(2026, 12, 1), TimeSpan.FromHours(12));
        var context = new Mock<TaskOrchestrationContext>();
        context.SetupGet(c => c.CurrentUtcDateTime).Returns(new DateTime(2026, 12, 2, 12, 0, 0, DateTimeKind.Utc));
        context.Setup(c => c.GetInput<FutureTransactionWatchInput>()).Returns(input);
        context.Setup(c => c.CallActivityAsync<FutureTransactionSnapshot>(RecurringWorkflowNames.GetFutureTransactionActivity, It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .ReturnsAsync(new FutureTransactionSnapshot("FT000001", "RC000001", new DateOnly(2026, 12, 1), 1, 19.99m, "EUR", FutureTransactionStatus.Cancelled));

        FutureTransactionCheck? check = await RecurringWorkflowFunctions.FutureTransactionWatch(context.Object);

        Assert.Equal(FutureTransactionCheck.Cancelled, check);
        context.Verify(c => c.CreateTimer(new DateTime(2026, 12, 2, 12, 0, 0, DateTimeKind.Utc), CancellationToken.None), Times.Once);
        context.Verify(c => c.CallActivityAsync<FutureTransactionSnapshot>(RecurringWorkflowNames.GetFutureTransactionActivity, "FT000001", It.IsAny<TaskOptions?>()), Times.Once);
    }

    // Each orchestrator reads its input as the type its workflow takes; a missing input fails the instance, not the host.
    [Fact]
    public async Task Each_recurring_orchestrator_reads_its_workflows_input_type()
    {
        var context = new Mock<TaskOrchestrationContext>();

        await Assert.ThrowsAsync<ArgumentNullException>(() => RecurringWorkflowFunctions.MerchantSeries(context.Object));
        await Assert.ThrowsAsync<ArgumentNullException>(() => RecurringWorkflowFunctions.ChargeCycle(context.Object));
        await Assert.ThrowsAsync<ArgumentNullException>(() => RecurringWorkflowFunctions.PlatformSeries(context.Object));
        await Assert.ThrowsAsync<ArgumentNullException>(() => RecurringWorkflowFunctions.FutureTransactionWatch(context.Object));

        context.Verify(c => c.GetInput<MerchantSeriesState>(), Times.Once);
        context.Verify(c => c.GetInput<ChargeCycleInput>(), Times.Once);
        context.Verify(c => c.GetInput<PlatformSeriesState>(), Times.Once);
        context.Verify(c => c.GetInput<FutureTransactionWatchInput>(), Times.Once);
    }
}
