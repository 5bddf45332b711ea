using SmartRetry.Functions.Shared.Durable;

namespace SmartRetry.Functions.Tests.TestHost;

public class TestWorkflowClientTests
{
    [Fact]
    public async Task Scheduling_a_running_instance_again_reports_it_and_starts_nothing()
    {
        WorkflowTestHost host = CreateHost();

        Assert.Equal(ScheduleResult.Scheduled, await host.Client.ScheduleNewAsync("Echo", "echo-1", "hi", startAt: null, CancellationToken.None));
        Assert.Equal(ScheduleResult.AlreadyRunning, await host.Client.ScheduleNewAsync("Echo", "echo-1", "hi", startAt: null, CancellationToken.None));

        Assert.Single(host.Instances);
        Assert.Equal(WorkflowRuntimeStatus.Running, (await host.Client.GetInstanceAsync("echo-1", CancellationToken.None))!.RuntimeStatus);
    }

    [Fact]
    public async Task Concurrent_schedules_of_one_id_are_serialized_into_one_instance()
    {
        WorkflowTestHost host = CreateHost();

        ScheduleResult[] results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            Task.Run(() => host.Client.ScheduleNewAsync("Echo", "echo-2", "hi", startAt: null, CancellationToken.None))));

        Assert.Equal(1, results.Count(r => r == ScheduleResult.Scheduled));
        Assert.Single(host.Instances);
    }

    [Fact]
    public async Task A_scheduled_start_waits_for_its_time_and_keeps_events_raised_meanwhile()
    {
        WorkflowTestHost host = CreateHost();
        DateTimeOffset startAt = new(WorkflowTestHost.DefaultStartTime.AddHours(2));

        await host.Client.ScheduleNewAsync("Echo", "echo-3", "hi", startAt, CancellationToken.None);
        Assert.Equal(RaiseEventResult.Raised, await host.Client.RaiseEventAsync("echo-3", "reply", "early", CancellationToken.None));
        Assert.Equal(WorkflowRuntimeStatus.Pending, host.GetInstance("echo-3").RuntimeStatus);

        await host.AdvanceTimeAsync(TimeSpan.FromHours(2));

        WorkflowInstance instance = (await host.Client.GetInstanceAsync("echo-3", CancellationToken.None))!;
        Assert.Equal(WorkflowRuntimeStatus.Completed, instance.RuntimeStatus);
        Assert.Equal("hi early", instance.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Terminate_and_purge_end_and_remove_an_instance()
    {
        WorkflowTestHost host = CreateHost();
        await host.Client.ScheduleNewAsync("Echo", "echo-4", "hi", startAt: null, CancellationToken.None);

        Assert.True(await host.Client.TerminateAsync("echo-4", "test", CancellationToken.None));
        Assert.False(await host.Client.TerminateAsync("echo-4", "test", CancellationToken.None));
        Assert.Equal(RaiseEventResult.InstanceFinished, await host.Client.RaiseEventAsync("echo-4", "reply", "late", CancellationToken.None));
        Assert.Equal(1, await host.Client.PurgeFinishedAsync(DateTimeOffset.MaxValue, CancellationToken.None));
        Assert.Null(await host.Client.GetInstanceAsync("echo-4", CancellationToken.None));
    }

    private static WorkflowTestHost CreateHost() => new WorkflowTestHost()
        .RegisterWorkflow<string, string>("Echo", async (context, text) => $"{text} {await context.WaitForExternalEvent<string>("reply")}");
}
