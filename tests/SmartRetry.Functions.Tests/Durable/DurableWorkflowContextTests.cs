using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using SmartRetry.Functions.Durable;
using SmartRetry.Payments.Workflows;

namespace SmartRetry.Functions.Tests.Durable;

public sealed class DurableWorkflowContextTests
{
    // Strict: a call to any other member or overload than the one set up fails the test.
    private readonly Mock<TaskOrchestrationContext> durable = new(MockBehavior.Strict);
    private readonly DurableWorkflowContext context;

    public DurableWorkflowContextTests() => context = new DurableWorkflowContext(durable.Object);

    private sealed record ChargeInput(string PaymentId, decimal Amount);

    private sealed record ChargeOutput(bool Accepted);

    [Fact]
    public void Instance_id_replay_flag_and_time_come_from_the_orchestration()
    {
        var now = new DateTime(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);
        durable.SetupGet(c => c.InstanceId).Returns("sale-42");
        durable.SetupGet(c => c.IsReplaying).Returns(true);
        durable.SetupGet(c => c.CurrentUtcDateTime).Returns(now);

        Assert.Equal("sale-42", context.InstanceId);
        Assert.True(context.IsReplaying);
        Assert.Equal(now, context.CurrentUtcDateTime);
    }

    [Fact]
    public async Task An_activity_without_retry_is_called_by_name_with_its_input_and_no_options()
    {
        var input = new ChargeInput("sale-42", 12.34m);
        durable.Setup(c => c.CallActivityAsync<ChargeOutput>(It.Is<TaskName>(n => n.Name == "SubmitSale"), input, null))
            .ReturnsAsync(new ChargeOutput(true));

        ChargeOutput output = await context.CallActivityAsync<ChargeOutput>("SubmitSale", input);

        Assert.True(output.Accepted);
        durable.Verify(c => c.CallActivityAsync<ChargeOutput>(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<TaskOptions?>()), Times.Once);
    }

    [Fact]
    public async Task An_activity_retry_policy_becomes_a_durable_retry_policy_with_the_same_schedule()
    {
        var retry = new ActivityRetryPolicy(MaxNumberOfAttempts: 8, FirstRetryInterval: TimeSpan.FromSeconds(15), BackoffCoefficient: 2.0, MaxRetryInterval: TimeSpan.FromMinutes(10));
        TaskOptions? options = null;
        durable.Setup(c => c.CallActivityAsync<ChargeOutput>(It.Is<TaskName>(n => n.Name == "SubmitSale"), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback((TaskName _, object? _, TaskOptions? o) => options = o)
            .ReturnsAsync(new ChargeOutput(true));

        await context.CallActivityAsync<ChargeOutput>("SubmitSale", new ChargeInput("sale-42", 1m), retry);

        RetryPolicy policy = Assert.IsType<RetryPolicy>(options?.Retry?.Policy);
        Assert.Equal(8, policy.MaxNumberOfAttempts);
        Assert.Equal(TimeSpan.FromSeconds(15), policy.FirstRetryInterval);
        Assert.Equal(2.0, policy.BackoffCoefficient);
        Assert.Equal(TimeSpan.FromMinutes(10), policy.MaxRetryInterval);
    }

    [Fact]
    public async Task A_retry_policy_without_a_cap_keeps_durables_default_cap()
    {
        TaskOptions? options = null;
        durable.Setup(c => c.CallActivityAsync(It.Is<TaskName>(n => n.Name == "RecordPayment"), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback((TaskName _, object? _, TaskOptions? o) => options = o)
            .Returns(Task.CompletedTask);

        await context.CallActivityAsync("RecordPayment", null, new ActivityRetryPolicy(3, TimeSpan.FromSeconds(2)));

        RetryPolicy policy = Assert.IsType<RetryPolicy>(options?.Retry?.Policy);
        Assert.Equal(3, policy.MaxNumberOfAttempts);
        Assert.Equal(1.0, policy.BackoffCoefficient);
        Assert.Equal(TimeSpan.FromHours(1), policy.MaxRetryInterval);
    }

    [Fact]
    public async Task An_activity_without_a_result_uses_the_non_generic_call()
    {
        var input = new ChargeInput("sale-42", 5m);
        durable.Setup(c => c.CallActivityAsync(It.Is<TaskName>(n => n.Name == "RecordPayment"), input, null)).Returns(Task.CompletedTask);

        await context.CallActivityAsync("RecordPayment", input);

        durable.Verify(c => c.CallActivityAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<TaskOptions?>()), Times.Once);
    }

    [Fact]
    public async Task A_failed_activity_surfaces_as_the_host_neutral_workflow_task_failure()
    {
        var failure = new TaskFailedException("SubmitSale", 3, new TaskFailureDetails(typeof(TimeoutException).FullName!, "SmartRetry timed out", null, null, null));
        durable.Setup(c => c.CallActivityAsync<ChargeOutput>(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<TaskOptions?>())).ThrowsAsync(failure);

        WorkflowTaskFailedException thrown = await Assert.ThrowsAsync<WorkflowTaskFailedException>(() => context.CallActivityAsync<ChargeOutput>("SubmitSale"));

        Assert.Equal("SubmitSale", thrown.TaskName);
        Assert.Equal(typeof(TimeoutException).FullName, thrown.FailureType);
        Assert.Contains("SmartRetry timed out", thrown.Message, StringComparison.Ordinal);
        Assert.Same(failure, thrown.InnerException);
    }

    [Fact]
    public async Task A_failed_sub_workflow_surfaces_as_the_host_neutral_workflow_task_failure()
    {
        var failure = new TaskFailedException("RecurringChargeCycleWorkflow", 4, new TaskFailureDetails(typeof(InvalidOperationException).FullName!, "cycle broke", null, null, null));
        durable.Setup(c => c.CallSubOrchestratorAsync<ChargeOutput>(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<TaskOptions?>())).ThrowsAsync(failure);

        WorkflowTaskFailedException thrown = await Assert.ThrowsAsync<WorkflowTaskFailedException>(() => context.CallSubWorkflowAsync<ChargeOutput>("RecurringChargeCycleWorkflow", "series-7-cycle-3"));

        Assert.Equal(typeof(InvalidOperationException).FullName, thrown.FailureType);
    }

    [Fact]
    public async Task A_sub_workflow_runs_as_a_sub_orchestration_under_the_chosen_instance_id()
    {
        var input = new ChargeInput("series-7-cycle-3", 20m);
        TaskOptions? options = null;
        durable.Setup(c => c.CallSubOrchestratorAsync<ChargeOutput>(It.Is<TaskName>(n => n.Name == "RecurringChargeCycleWorkflow"), input, It.IsAny<TaskOptions?>()))
            .Callback((TaskName _, object? _, TaskOptions? o) => options = o)
            .ReturnsAsync(new ChargeOutput(false));

        ChargeOutput output = await context.CallSubWorkflowAsync<ChargeOutput>("RecurringChargeCycleWorkflow", "series-7-cycle-3", input);

        Assert.False(output.Accepted);
        SubOrchestrationOptions sub = Assert.IsType<SubOrchestrationOptions>(options);
        Assert.Equal("series-7-cycle-3", sub.InstanceId);
        Assert.Null(sub.Retry);
    }

    [Fact]
    public async Task A_timer_is_a_durable_timer_at_the_same_instant_with_the_callers_token()
    {
        var fireAt = new DateTime(2026, 12, 1, 9, 30, 0, DateTimeKind.Utc);
        using var cancellation = new CancellationTokenSource();
        durable.Setup(c => c.CreateTimer(fireAt, cancellation.Token)).Returns(Task.CompletedTask);

        await context.CreateTimer(fireAt, cancellation.Token);

        durable.Verify(c => c.CreateTimer(It.Is<DateTime>(d => d == fireAt && d.Kind == DateTimeKind.Utc), cancellation.Token), Times.Once);
    }

    [Fact]
    public async Task A_timer_time_of_unspecified_kind_is_read_as_utc_not_local_time()
    {
        var unspecified = new DateTime(2026, 12, 1, 9, 30, 0, DateTimeKind.Unspecified);
        DateTime? passed = null;
        durable.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()))
            .Callback((DateTime d, CancellationToken _) => passed = d)
            .Returns(Task.CompletedTask);

        await context.CreateTimer(unspecified, CancellationToken.None);

        Assert.Equal(DateTimeKind.Utc, passed?.Kind);
        Assert.Equal(unspecified.Ticks, passed?.Ticks);
    }

    [Fact]
    public async Task Waiting_for_an_event_uses_the_token_overload_with_the_callers_token()
    {
        using var cancellation = new CancellationTokenSource();
        durable.Setup(c => c.WaitForExternalEvent<ChargeOutput>("SmartRetryTransaction", cancellation.Token)).ReturnsAsync(new ChargeOutput(true));

        ChargeOutput received = await context.WaitForExternalEvent<ChargeOutput>("SmartRetryTransaction", cancellation.Token);

        Assert.True(received.Accepted);
    }

    [Fact]
    public void Custom_status_is_passed_through_unchanged()
    {
        var status = new { Stage = "awaiting_outcome" };
        durable.Setup(c => c.SetCustomStatus(status));

        context.SetCustomStatus(status);

        durable.Verify(c => c.SetCustomStatus(status), Times.Once);
    }

    [Fact]
    public void Continue_as_new_keeps_events_that_arrived_but_were_not_yet_processed()
    {
        var next = new ChargeInput("series-7", 20m);
        durable.Setup(c => c.ContinueAsNew(next, true));

        context.ContinueAsNew(next);

        durable.Verify(c => c.ContinueAsNew(next, true), Times.Once);
    }

    [Fact]
    public void Guids_come_from_the_orchestration_so_they_replay_identically()
    {
        var guid = Guid.Parse("5f0c0d8e-6a43-5b8a-9a6e-1f1e2d3c4b5a");
        durable.Setup(c => c.NewGuid()).Returns(guid);

        Assert.Equal(guid, context.NewGuid());
    }

    [Fact]
    public void The_logger_is_the_orchestrations_replay_safe_logger()
    {
        ILogger logger = NullLogger.Instance;
        durable.Setup(c => c.CreateReplaySafeLogger("SaleWorkflow")).Returns(logger);

        Assert.Same(logger, context.CreateReplaySafeLogger("SaleWorkflow"));
    }
}
