using SmartRetry.Functions.Shared.Durable;

namespace SmartRetry.Functions.Tests.TestHost;

public class WorkflowTestHostEventTests
{
    [Fact]
    public async Task Events_raised_before_anyone_waits_are_buffered_per_name_first_in_first_out()
    {
        WorkflowTestHost host = new WorkflowTestHost()
            .RegisterWorkflow<object?, int[]>("Collects", async (context, _) =>
            {
                await context.CreateTimer(context.CurrentUtcDateTime.AddHours(1), CancellationToken.None);
                int[] values = new int[3];
                for (int i = 0; i < values.Length; i++)
                {
                    values[i] = await context.WaitForExternalEvent<int>("value");
                }

                return values;
            });
        await host.StartAsync("Collects", "collects-1", input: null);

        foreach (int value in new[] { 1, 2, 3 })
        {
            Assert.Equal(RaiseEventResult.Raised, await host.RaiseEventAsync("collects-1", "VALUE", value));
        }

        await host.AdvanceTimeAsync(TimeSpan.FromHours(1));

        Assert.Equal([1, 2, 3], host.GetInstance("collects-1").ReadOutput<int[]>());
    }

    [Fact]
    public async Task When_the_event_beats_the_timer_the_timer_is_cancelled_and_never_fires()
    {
        WorkflowTestHost host = CreateRaceHost();
        await host.StartAsync("Race", "race-1", input: null);
        Assert.Single(host.PendingTimers);

        await host.RaiseEventAsync("race-1", "approval", "yes");

        WorkflowTestInstance instance = host.GetInstance("race-1");
        Assert.Equal("event:yes", instance.ReadOutput<string>());
        Assert.Empty(host.PendingTimers);
        Assert.Contains(instance.CurrentGeneration.History, e => e is TimerCancelled);
    }

    [Fact]
    public async Task When_the_timer_beats_the_event_the_workflow_times_out_at_the_timer()
    {
        WorkflowTestHost host = CreateRaceHost();
        await host.StartAsync("Race", "race-2", input: null);

        await host.AdvanceTimeAsync(TimeSpan.FromMinutes(59));
        Assert.False(host.GetInstance("race-2").IsFinished);
        await host.AdvanceTimeAsync(TimeSpan.FromMinutes(1));

        Assert.Equal("timeout", host.GetInstance("race-2").ReadOutput<string>());
        Assert.Equal(RaiseEventResult.InstanceFinished, await host.RaiseEventAsync("race-2", "approval", "late"));
    }

    [Fact]
    public async Task A_cancelled_wait_no_longer_swallows_the_next_event_of_its_name_as_on_durable_task_1_28_0()
    {
        WorkflowTestHost host = new WorkflowTestHost()
            .RegisterWorkflow<object?, string>("RearmsLate", async (context, _) =>
            {
                using (var stopWaiting = new CancellationTokenSource())
                {
                    Task<string> firstWait = context.WaitForExternalEvent<string>("ping", stopWaiting.Token);
                    await Task.WhenAny(firstWait, context.CreateTimer(context.CurrentUtcDateTime.AddMinutes(1), CancellationToken.None));
                    stopWaiting.Cancel();
                }

                await context.CreateTimer(context.CurrentUtcDateTime.AddMinutes(1), CancellationToken.None);
                return await context.WaitForExternalEvent<string>("ping");
            });
        await host.StartAsync("RearmsLate", "lost-1", input: null);
        await host.AdvanceTimeAsync(TimeSpan.FromMinutes(1));

        await host.RaiseEventAsync("lost-1", "ping", "hello");
        await host.AdvanceTimeAsync(TimeSpan.FromMinutes(1));

        Assert.Empty(host.SwallowedEvents);
        Assert.Equal("hello", host.GetInstance("lost-1").ReadOutput<string>());
    }

    [Fact]
    public async Task Waits_on_one_name_with_different_types_are_refused()
    {
        WorkflowTestHost host = new WorkflowTestHost()
            .RegisterWorkflow<object?, bool>("MixedTypes", async (context, _) =>
            {
                Task<int> first = context.WaitForExternalEvent<int>("value");
                await context.WaitForExternalEvent<string>("value");
                return first.IsCompleted;
            });

        WorkflowTestInstance instance = await host.StartAsync("MixedTypes", "mixed-1", input: null);

        Assert.Equal(typeof(ArgumentException).FullName, instance.FailureType);
    }

    [Fact]
    public async Task Raising_an_event_for_an_unknown_instance_reports_it()
    {
        var host = new WorkflowTestHost();

        Assert.Equal(RaiseEventResult.InstanceNotFound, await host.RaiseEventAsync("nobody", "ping", null));
    }

    private static WorkflowTestHost CreateRaceHost() => new WorkflowTestHost()
        .RegisterWorkflow<object?, string>("Race", async (context, _) =>
        {
            using var timerCancellation = new CancellationTokenSource();
            Task timeout = context.CreateTimer(context.CurrentUtcDateTime.AddHours(1), timerCancellation.Token);
            Task<string> approval = context.WaitForExternalEvent<string>("approval");
            if (await Task.WhenAny(approval, timeout) == approval)
            {
                timerCancellation.Cancel();
                return "event:" + approval.Result;
            }

            return "timeout";
        });
}
