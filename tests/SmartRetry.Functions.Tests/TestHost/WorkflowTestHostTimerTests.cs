using Microsoft.DurableTask.Client;

namespace SmartRetry.Functions.Tests.TestHost;

public class WorkflowTestHostTimerTests
{
    private static readonly DateTime Start = WorkflowTestHost.DefaultStartTime;

    [Fact]
    public async Task Timers_fire_only_when_time_advances_in_fire_time_order_at_their_own_time()
    {
        WorkflowTestHost host = CreateHost();

        await host.StartAsync("TwoTimers", "timers-1", input: null);
        Assert.Equal([Start.AddMinutes(10), Start.AddMinutes(5)], host.PendingTimers.Select(t => t.FireAt).Order().Reverse());
        Assert.Empty(host.ActivityCalls);

        await host.AdvanceTimeAsync(TimeSpan.FromMinutes(4));
        Assert.Empty(host.ActivityCalls);

        await host.AdvanceTimeAsync(TimeSpan.FromMinutes(20));
        Assert.Equal(
            [new Mark("early", Start.AddMinutes(5)), new Mark("late", Start.AddMinutes(10))],
            host.ActivityInputs<Mark>("Record"));
        Assert.Equal(Start.AddMinutes(24), host.UtcNow);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, host.GetInstance("timers-1").RuntimeStatus);
    }

    [Fact]
    public async Task Advancing_to_the_next_timer_fires_just_that_timer()
    {
        WorkflowTestHost host = CreateHost();
        await host.StartAsync("TwoTimers", "timers-2", input: null);

        DateTime now = await host.AdvanceToNextTimerAsync();

        Assert.Equal(Start.AddMinutes(5), now);
        Assert.Equal([new Mark("early", Start.AddMinutes(5))], host.ActivityInputs<Mark>("Record"));
        Assert.Equal(Start.AddMinutes(10), Assert.Single(host.PendingTimers).FireAt);
    }

    [Fact]
    public async Task A_timer_whose_time_has_come_fires_without_advancing_the_clock()
    {
        WorkflowTestHost host = new WorkflowTestHost()
            .RegisterWorkflow<object?, DateTime>("Immediate", async (context, _) =>
            {
                await context.CreateTimer(context.CurrentUtcDateTime, CancellationToken.None);
                return context.CurrentUtcDateTime;
            });

        WorkflowTestInstance instance = await host.StartAsync("Immediate", "immediate-1", input: null);

        Assert.Equal(Start, instance.ReadOutput<DateTime>());
    }

    [Fact]
    public async Task A_timer_that_is_not_utc_is_refused_like_durable_would_misread_it()
    {
        WorkflowTestHost host = new WorkflowTestHost()
            .RegisterWorkflow<object?, bool>("LocalTimer", async (context, _) =>
            {
                await context.CreateTimer(new DateTime(2030, 1, 1, 0, 5, 0, DateTimeKind.Unspecified), CancellationToken.None);
                return true;
            });

        WorkflowTestInstance instance = await host.StartAsync("LocalTimer", "local-1", input: null);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, instance.RuntimeStatus);
        Assert.Equal(typeof(ArgumentException).FullName, instance.FailureType);
    }

    [Fact]
    public async Task Running_to_completion_fails_clearly_when_the_workflow_waits_for_an_event_nobody_raises()
    {
        WorkflowTestHost host = new WorkflowTestHost()
            .RegisterWorkflow<object?, string>("Waits", (context, _) => context.WaitForExternalEvent<string>("never"));
        await host.StartAsync("Waits", "waits-1", input: null);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.RunToCompletionAsync("waits-1"));

        Assert.Contains("waits for an event", error.Message, StringComparison.Ordinal);
    }

    private static WorkflowTestHost CreateHost() => new WorkflowTestHost()
        .RegisterActivity<Mark, bool>("Record", _ => true)
        .RegisterWorkflow<object?, bool>("TwoTimers", async (context, _) =>
        {
            await Task.WhenAll(FireThenRecord("late", TimeSpan.FromMinutes(10)), FireThenRecord("early", TimeSpan.FromMinutes(5)));
            return true;

            async Task FireThenRecord(string label, TimeSpan after)
            {
                await context.CreateTimer(context.CurrentUtcDateTime + after, CancellationToken.None);
                await context.CallActivityAsync<bool>("Record", new Mark(label, context.CurrentUtcDateTime));
            }
        });

    public sealed record Mark(string Label, DateTime At);
}
