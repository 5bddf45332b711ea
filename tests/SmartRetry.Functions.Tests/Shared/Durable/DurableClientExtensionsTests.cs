using Grpc.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Moq;
using SmartRetry.Functions.Sales;
using SmartRetry.Functions.Shared.Durable;

namespace SmartRetry.Functions.Tests.Shared.Durable;

/// <summary>The calls on the bound Durable client, against the exceptions the Functions host's client throws.</summary>
public sealed class DurableClientExtensionsTests
{
    // Strict: only the exact overload set up may be called (a loose mock would hide a call to another overload).
    private readonly Mock<DurableTaskClient> durable = new(MockBehavior.Strict, "test");

    private DurableTaskClient Client => durable.Object;

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

        bool scheduled = await Client.ScheduleNewUnlessRunningAsync("SaleWorkflow", "sale-42", input, cancellation.Token, startAt);

        Assert.True(scheduled);
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

        await Client.ScheduleNewUnlessRunningAsync("SaleWorkflow", "sale-43", null, CancellationToken.None);

        Assert.Equal("sale-43", options?.InstanceId);
        Assert.Null(options?.StartAt);
    }

    [Fact]
    public async Task Scheduling_an_id_whose_instance_is_still_running_reports_it()
    {
        durable.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new global::DurableTask.Core.Exceptions.OrchestrationAlreadyExistsException("An orchestration with instance ID 'sale-42' already exists."));

        Assert.False(await Client.ScheduleNewUnlessRunningAsync("SaleWorkflow", "sale-42", null, CancellationToken.None));
    }

    [Fact]
    public async Task Other_scheduling_failures_propagate()
    {
        durable.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RpcException(new Status(StatusCode.Unavailable, "host restarting")));

        RpcException thrown = await Assert.ThrowsAsync<RpcException>(() => Client.ScheduleNewUnlessRunningAsync("SaleWorkflow", "sale-42", null, CancellationToken.None));

        Assert.Equal(StatusCode.Unavailable, thrown.StatusCode);
    }

    [Fact]
    public async Task Raising_an_event_sends_name_and_payload_to_the_instance()
    {
        var payload = new SaleInput("sale-42");
        using var cancellation = Cancelled();
        durable.Setup(c => c.RaiseEventAsync("sale-42", "SmartRetryTransaction", payload, FollowsCaller)).Returns(Task.CompletedTask);

        RaiseEventResult result = await Client.RaiseEventIfRunningAsync("sale-42", "SmartRetryTransaction", payload, cancellation.Token);

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

        RaiseEventResult result = await Client.RaiseEventIfRunningAsync("sale-42", "SmartRetryTransaction", null, CancellationToken.None);

        Assert.Equal(expected, result);
    }

    [Fact]
    public async Task Raising_an_event_propagates_other_host_errors()
    {
        durable.Setup(c => c.RaiseEventAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RpcException(new Status(StatusCode.Unavailable, "host restarting")));

        await Assert.ThrowsAsync<RpcException>(() => Client.RaiseEventIfRunningAsync("sale-42", "SmartRetryTransaction", null, CancellationToken.None));
    }

    [Fact]
    public async Task Getting_an_instance_asks_for_its_output_custom_status_and_failure()
    {
        using var cancellation = Cancelled();
        var metadata = new OrchestrationMetadata("SaleWorkflow", "sale-42") { RuntimeStatus = OrchestrationRuntimeStatus.Failed, SerializedCustomStatus = "{\"stage\":\"submitting\"}" };
        durable.Setup(c => c.GetInstanceAsync("sale-42", true, FollowsCaller)).ReturnsAsync(metadata);

        Assert.Same(metadata, await Client.GetInstanceStateAsync("sale-42", cancellation.Token));
    }

    [Fact]
    public async Task Getting_an_unknown_instance_returns_null()
    {
        durable.Setup(c => c.GetInstanceAsync("missing", true, It.IsAny<CancellationToken>())).ReturnsAsync((OrchestrationMetadata?)null);

        Assert.Null(await Client.GetInstanceStateAsync("missing", CancellationToken.None));
    }

    [Theory]
    [InlineData(OrchestrationRuntimeStatus.Completed, true)]
    [InlineData(OrchestrationRuntimeStatus.Failed, true)]
    [InlineData(OrchestrationRuntimeStatus.Terminated, true)]
    [InlineData(OrchestrationRuntimeStatus.Running, false)]
    [InlineData(OrchestrationRuntimeStatus.Pending, false)]
    public async Task Only_a_finished_instance_is_restarted_under_its_own_id(OrchestrationRuntimeStatus status, bool restarted)
    {
        durable.Setup(c => c.GetInstanceAsync("sale-42", false, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new OrchestrationMetadata("SaleWorkflow", "sale-42") { RuntimeStatus = status });
        durable.Setup(c => c.RestartAsync("sale-42", false, It.IsAny<CancellationToken>())).ReturnsAsync("sale-42");

        Assert.Equal(restarted, await Client.RestartFinishedAsync("sale-42", CancellationToken.None));
        durable.Verify(c => c.RestartAsync("sale-42", false, It.IsAny<CancellationToken>()), restarted ? Times.Once() : Times.Never());
    }

    [Fact]
    public async Task A_missing_instance_is_not_restarted()
    {
        durable.Setup(c => c.GetInstanceAsync("sale-42", false, It.IsAny<CancellationToken>())).ReturnsAsync((OrchestrationMetadata?)null);

        Assert.False(await Client.RestartFinishedAsync("sale-42", CancellationToken.None));
    }

    [Fact]
    public async Task Terminating_passes_the_reason_as_the_termination_output()
    {
        TerminateInstanceOptions? options = null;
        using var cancellation = Cancelled();
        durable.Setup(c => c.TerminateInstanceAsync("sale-42", It.IsAny<TerminateInstanceOptions?>(), FollowsCaller))
            .Callback((string _, TerminateInstanceOptions? o, CancellationToken _) => options = o)
            .Returns(Task.CompletedTask);

        bool terminated = await Client.TerminateIfRunningAsync("sale-42", "cancelled by merchant", cancellation.Token);

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

        Assert.False(await Client.TerminateIfRunningAsync("sale-42", "cancelled by merchant", CancellationToken.None));
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

        int purged = await Client.PurgeFinishedInstancesAsync(createdBefore, cancellation.Token);

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
