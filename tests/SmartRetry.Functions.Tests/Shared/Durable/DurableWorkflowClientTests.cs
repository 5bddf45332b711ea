using Grpc.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Moq;
using SmartRetry.Functions.Sales;
using SmartRetry.Functions.Shared.Durable;

namespace SmartRetry.Functions.Tests.Shared.Durable;

public sealed class DurableWorkflowClientTests
{
    // Strict: only the exact overload set up may be called (a loose mock would hide a call to another overload).
    private readonly Mock<DurableTaskClient> durable = new(MockBehavior.Strict, "test");
    private readonly DurableWorkflowClient client;

    public DurableWorkflowClientTests() => client = new DurableWorkflowClient(durable.Object);

    private sealed record SaleInput(string PaymentId);

    /// <summary>
    /// The token a call receives follows the caller's (it is the caller's, or one linked to it with the call's own
    /// timeout): the tests cancel the caller's first, so only a token that follows it arrives cancelled.
    /// </summary>
    private static CancellationToken FollowsCaller => It.Is<CancellationToken>(token => token.IsCancellationRequested);

    private static CancellationTokenSource Cancelled()
    {
        var source = new CancellationTokenSource();
        source.Cancel();
        return source;
    }

    [Fact]
    public async Task Scheduling_starts_the_named_orchestration_under_the_chosen_id_input_and_start_time()
    {
        var input = new SaleInput("sale-42");
        var startAt = new DateTimeOffset(2026, 12, 24, 8, 0, 0, TimeSpan.Zero);
        using var cancellation = Cancelled();
        StartOrchestrationOptions? options = null;
        durable.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(It.Is<TaskName>(n => n.Name == "SaleWorkflow"), input, It.IsAny<StartOrchestrationOptions?>(), FollowsCaller))
            .Callback((TaskName _, object? _, StartOrchestrationOptions? o, CancellationToken _) => options = o)
            .ReturnsAsync("sale-42");

        ScheduleResult result = await client.ScheduleNewAsync("SaleWorkflow", "sale-42", input, startAt, cancellation.Token);

        Assert.Equal(ScheduleResult.Scheduled, result);
        Assert.Equal("sale-42", options?.InstanceId);
        Assert.Equal(startAt, options?.StartAt);
    }

    [Fact]
    public async Task Scheduling_without_a_start_time_starts_now()
    {
        StartOrchestrationOptions? options = null;
        durable.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .Callback((TaskName _, object? _, StartOrchestrationOptions? o, CancellationToken _) => options = o)
            .ReturnsAsync("sale-43");

        await client.ScheduleNewAsync("SaleWorkflow", "sale-43", null, null, CancellationToken.None);

        Assert.Equal("sale-43", options?.InstanceId);
        Assert.Null(options?.StartAt);
    }

    [Fact]
    public async Task Scheduling_an_id_whose_instance_is_still_running_reports_already_running()
    {
        durable.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new global::DurableTask.Core.Exceptions.OrchestrationAlreadyExistsException("An orchestration with instance ID 'sale-42' already exists."));

        ScheduleResult result = await client.ScheduleNewAsync("SaleWorkflow", "sale-42", null, null, CancellationToken.None);

        Assert.Equal(ScheduleResult.AlreadyRunning, result);
    }

    [Fact]
    public async Task Other_scheduling_failures_propagate()
    {
        durable.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RpcException(new Status(StatusCode.Unavailable, "host restarting")));

        RpcException thrown = await Assert.ThrowsAsync<RpcException>(() => client.ScheduleNewAsync("SaleWorkflow", "sale-42", null, null, CancellationToken.None));

        Assert.Equal(StatusCode.Unavailable, thrown.StatusCode);
    }

    [Fact]
    public async Task Raising_an_event_sends_name_and_payload_to_the_instance()
    {
        var payload = new SaleInput("sale-42");
        using var cancellation = Cancelled();
        durable.Setup(c => c.RaiseEventAsync("sale-42", "SmartRetryTransaction", payload, FollowsCaller)).Returns(Task.CompletedTask);

        RaiseEventResult result = await client.RaiseEventAsync("sale-42", "SmartRetryTransaction", payload, cancellation.Token);

        Assert.Equal(RaiseEventResult.Raised, result);
        durable.Verify(c => c.RaiseEventAsync("sale-42", "SmartRetryTransaction", payload, FollowsCaller), Times.Once);
    }

    [Theory]
    [InlineData(StatusCode.NotFound, RaiseEventResult.InstanceNotFound)]
    [InlineData(StatusCode.FailedPrecondition, RaiseEventResult.InstanceFinished)]
    public async Task Raising_an_event_maps_the_hosts_status_errors(StatusCode status, RaiseEventResult expected)
    {
        durable.Setup(c => c.RaiseEventAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RpcException(new Status(status, "instance state")));

        RaiseEventResult result = await client.RaiseEventAsync("sale-42", "SmartRetryTransaction", null, CancellationToken.None);

        Assert.Equal(expected, result);
    }

    [Fact]
    public async Task Raising_an_event_propagates_other_host_errors()
    {
        durable.Setup(c => c.RaiseEventAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RpcException(new Status(StatusCode.Unavailable, "host restarting")));

        await Assert.ThrowsAsync<RpcException>(() => client.RaiseEventAsync("sale-42", "SmartRetryTransaction", null, CancellationToken.None));
    }

    [Fact]
    public async Task Getting_an_instance_fetches_outputs_and_maps_every_field()
    {
        var created = new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
        var updated = created.AddMinutes(3);
        using var cancellation = Cancelled();
        durable.Setup(c => c.GetInstanceAsync("sale-42", true, FollowsCaller)).ReturnsAsync(new OrchestrationMetadata("SaleWorkflow", "sale-42")
        {
            RuntimeStatus = OrchestrationRuntimeStatus.Failed,
            CreatedAt = created,
            LastUpdatedAt = updated,
            SerializedOutput = "{\"status\":\"error\"}",
            SerializedCustomStatus = "{\"stage\":\"submitting\"}",
            FailureDetails = new TaskFailureDetails("System.TimeoutException", "SmartRetry timed out", null, null, null),
        });

        WorkflowInstance? instance = await client.GetInstanceAsync("sale-42", cancellation.Token);

        Assert.Equal(
            new WorkflowInstance("sale-42", "SaleWorkflow", WorkflowRuntimeStatus.Failed, created, updated, "{\"status\":\"error\"}", "{\"stage\":\"submitting\"}", "SmartRetry timed out"),
            instance);
    }

    [Fact]
    public async Task Getting_an_unknown_instance_returns_null()
    {
        durable.Setup(c => c.GetInstanceAsync("missing", true, It.IsAny<CancellationToken>())).ReturnsAsync((OrchestrationMetadata?)null);

        Assert.Null(await client.GetInstanceAsync("missing", CancellationToken.None));
    }

    [Theory]
    [InlineData(OrchestrationRuntimeStatus.Pending, WorkflowRuntimeStatus.Pending)]
    [InlineData(OrchestrationRuntimeStatus.Running, WorkflowRuntimeStatus.Running)]
    [InlineData(OrchestrationRuntimeStatus.Suspended, WorkflowRuntimeStatus.Suspended)]
    [InlineData(OrchestrationRuntimeStatus.Completed, WorkflowRuntimeStatus.Completed)]
    [InlineData(OrchestrationRuntimeStatus.Failed, WorkflowRuntimeStatus.Failed)]
    [InlineData(OrchestrationRuntimeStatus.Terminated, WorkflowRuntimeStatus.Terminated)]
    public async Task Runtime_statuses_map_one_to_one(OrchestrationRuntimeStatus status, WorkflowRuntimeStatus expected)
    {
        durable.Setup(c => c.GetInstanceAsync("sale-42", true, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new OrchestrationMetadata("SaleWorkflow", "sale-42") { RuntimeStatus = status });

        WorkflowInstance? instance = await client.GetInstanceAsync("sale-42", CancellationToken.None);

        Assert.Equal(expected, instance?.RuntimeStatus);
    }

    [Fact]
    public async Task Terminating_passes_the_reason_as_the_termination_output()
    {
        TerminateInstanceOptions? options = null;
        using var cancellation = Cancelled();
        durable.Setup(c => c.TerminateInstanceAsync("sale-42", It.IsAny<TerminateInstanceOptions?>(), FollowsCaller))
            .Callback((string _, TerminateInstanceOptions? o, CancellationToken _) => options = o)
            .Returns(Task.CompletedTask);

        bool terminated = await client.TerminateAsync("sale-42", "cancelled by merchant", cancellation.Token);

        Assert.True(terminated);
        Assert.Equal("cancelled by merchant", options?.Output);
    }

    [Theory]
    [InlineData(StatusCode.NotFound)]
    [InlineData(StatusCode.FailedPrecondition)]
    public async Task Terminating_a_missing_or_finished_instance_reports_false(StatusCode status)
    {
        durable.Setup(c => c.TerminateInstanceAsync(It.IsAny<string>(), It.IsAny<TerminateInstanceOptions?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RpcException(new Status(status, "instance state")));

        Assert.False(await client.TerminateAsync("sale-42", "cancelled by merchant", CancellationToken.None));
    }

    [Fact]
    public async Task Purging_passes_the_terminal_statuses_explicitly_and_only_an_upper_creation_bound()
    {
        var createdBefore = new DateTimeOffset(2026, 10, 24, 3, 0, 0, TimeSpan.Zero);
        PurgeInstancesFilter? filter = null;
        using var cancellation = Cancelled();
        durable.Setup(c => c.PurgeAllInstancesAsync(It.IsAny<PurgeInstancesFilter>(), It.IsAny<PurgeInstanceOptions?>(), FollowsCaller))
            .Callback((PurgeInstancesFilter f, PurgeInstanceOptions? _, CancellationToken _) => filter = f)
            .ReturnsAsync(new PurgeResult(17));

        int purged = await client.PurgeFinishedAsync(createdBefore, cancellation.Token);

        Assert.Equal(17, purged);
        Assert.NotNull(filter);
        Assert.Null(filter.CreatedFrom);
        Assert.Equal(createdBefore, filter.CreatedTo);
        Assert.NotNull(filter.Statuses);
        Assert.Equal(
            [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated],
            filter.Statuses.Order());
    }
}
