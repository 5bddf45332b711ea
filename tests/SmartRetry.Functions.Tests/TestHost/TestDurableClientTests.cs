using Microsoft.DurableTask.Client;
using SmartRetry.Functions.Shared.Durable;

namespace SmartRetry.Functions.Tests.TestHost;

/// <summary>
/// The test host's Durable client answers as the Functions host's does, so the calls the app makes on it
/// (<see cref="DurableClientExtensions"/>) read the same answers here as in the real host.
/// </summary>
public class TestDurableClientTests
{
    [Fact]
    public async Task Scheduling_a_running_instance_again_reports_it_and_starts_nothing()
    {
        WorkflowTestHost host = CreateHost();

        Assert.True(await host.Client.ScheduleNewUnlessRunningAsync("Echo", "echo-1", "hi", CancellationToken.None));
        Assert.False(await host.Client.ScheduleNewUnlessRunningAsync("Echo", "echo-1", "hi", CancellationToken.None));

        Assert.Single(host.Instances);
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await host.Client.GetInstanceStateAsync("echo-1", CancellationToken.None))!.RuntimeStatus);
    }

    [Fact]
    public async Task Concurrent_schedules_of_one_id_are_serialized_into_one_instance()
    {
        WorkflowTestHost host = CreateHost();

        bool[] results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            Task.Run(() => host.Client.ScheduleNewUnlessRunningAsync("Echo", "echo-2", "hi", CancellationToken.None))));

        Assert.Equal(1, results.Count(scheduled => scheduled));
        Assert.Single(host.Instances);
    }

    [Fact]
    public async Task A_scheduled_start_waits_for_its_time_and_keeps_events_raised_meanwhile()
    {
        WorkflowTestHost host = CreateHost();
        DateTimeOffset startAt = new(WorkflowTestHost.DefaultStartTime.AddHours(2));

        await host.Client.ScheduleNewUnlessRunningAsync("Echo", "echo-3", "hi", CancellationToken.None, startAt);
        Assert.Equal(RaiseEventResult.Raised, await host.Client.RaiseEventIfRunningAsync("echo-3", "reply", "early", CancellationToken.None));
        Assert.Equal(OrchestrationRuntimeStatus.Pending, host.GetInstance("echo-3").RuntimeStatus);

        await host.AdvanceTimeAsync(TimeSpan.FromHours(2));

        OrchestrationMetadata instance = (await host.Client.GetInstanceStateAsync("echo-3", CancellationToken.None))!;
        Assert.Equal(OrchestrationRuntimeStatus.Completed, instance.RuntimeStatus);
        Assert.Equal("hi early", instance.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Raising_into_a_missing_instance_says_so()
    {
        WorkflowTestHost host = CreateHost();

        Assert.Equal(RaiseEventResult.InstanceNotFound, await host.Client.RaiseEventIfRunningAsync("nobody", "reply", "x", CancellationToken.None));
    }

    [Fact]
    public async Task Terminate_restart_and_purge_act_only_where_Durable_would()
    {
        WorkflowTestHost host = CreateHost();
        await host.Client.ScheduleNewUnlessRunningAsync("Echo", "echo-4", "hi", CancellationToken.None);

        Assert.False(await host.Client.RestartFinishedAsync("echo-4", CancellationToken.None));
        Assert.True(await host.Client.TerminateIfRunningAsync("echo-4", "test", CancellationToken.None));
        Assert.False(await host.Client.TerminateIfRunningAsync("echo-4", "test", CancellationToken.None));
        Assert.Equal(RaiseEventResult.InstanceFinished, await host.Client.RaiseEventIfRunningAsync("echo-4", "reply", "late", CancellationToken.None));

        Assert.True(await host.Client.RestartFinishedAsync("echo-4", CancellationToken.None));
        Assert.Equal(OrchestrationRuntimeStatus.Running, host.GetInstance("echo-4").RuntimeStatus);
        await host.Client.TerminateIfRunningAsync("echo-4", "test", CancellationToken.None);

        Assert.Equal(1, await host.Client.PurgeFinishedInstancesAsync(DateTimeOffset.MaxValue, CancellationToken.None));
        Assert.Null(await host.Client.GetInstanceStateAsync("echo-4", CancellationToken.None));
    }

    private static WorkflowTestHost CreateHost() => new WorkflowTestHost()
        .RegisterWorkflow<string, string>("Echo", async (context, text) => $"{text} {await context.WaitForExternalEvent<string>("reply")}");
}
