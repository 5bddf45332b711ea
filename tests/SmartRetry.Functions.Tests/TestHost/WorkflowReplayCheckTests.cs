using System.Runtime.CompilerServices;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace SmartRetry.Functions.Tests.TestHost;

public class WorkflowReplayCheckTests
{
    [Fact]
    public async Task Guid_NewGuid_in_workflow_code_fails_the_replay_check_naming_the_decision()
    {
        WorkflowTestHost host = new WorkflowTestHost()
            .RegisterActivity<Guid, bool>("Use", _ => true)
            .RegisterWorkflow<object?, bool>("RandomId", (context, _) => context.CallActivityAsync<bool>("Use", Guid.NewGuid()));

        var error = await Assert.ThrowsAsync<WorkflowReplayMismatchException>(() => host.StartAsync("RandomId", "guid-1", input: null));

        Assert.Equal(1, error.HistoryIndex);
        Assert.IsType<ActivityScheduled>(error.Recorded);
        Assert.IsType<ActivityScheduled>(error.Replayed);
        Assert.Contains("instance 'guid-1'", error.Message, StringComparison.Ordinal);
        Assert.Contains("ActivityScheduled", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_system_clock_in_workflow_code_fails_the_replay_check()
    {
        WorkflowTestHost host = new WorkflowTestHost()
            .RegisterActivity<DateTime, bool>("Stamp", stamp => SpinWait.SpinUntil(() => DateTime.UtcNow > stamp, TimeSpan.FromSeconds(5)))
            .RegisterWorkflow<object?, bool>("ReadsClock", (context, _) => context.CallActivityAsync<bool>("Stamp", DateTime.UtcNow));

        var error = await Assert.ThrowsAsync<WorkflowReplayMismatchException>(() => host.StartAsync("ReadsClock", "clock-1", input: null));

        Assert.Equal(1, error.HistoryIndex);
    }

    [Fact]
    public async Task Random_in_workflow_code_fails_the_replay_check()
    {
        WorkflowTestHost host = new WorkflowTestHost()
            .RegisterActivity<long, bool>("Use", _ => true)
#pragma warning disable CA5394 // The point of the test: a workflow that uses an insecure, non-replayable random source.
            .RegisterWorkflow<object?, bool>("Dice", (context, _) => context.CallActivityAsync<bool>("Use", Random.Shared.NextInt64()));
#pragma warning restore CA5394

        await Assert.ThrowsAsync<WorkflowReplayMismatchException>(() => host.StartAsync("Dice", "dice-1", input: null));
    }

    [Fact]
    public async Task Branching_on_state_read_outside_the_context_fails_at_the_first_differing_decision()
    {
        var featureFlag = new StrongBox<bool>(false);
        WorkflowTestHost host = new WorkflowTestHost()
            .RegisterActivity<string, bool>("Step", _ => true)
            .RegisterWorkflow<object?, bool>("ReadsFlag", async (context, _) =>
            {
                await context.CallActivityAsync<bool>("Step", "first");
                await context.CallActivityAsync<bool>("Step", featureFlag.Value ? "new path" : "old path");
                return await context.WaitForExternalEvent<bool>("done");
            });
        await host.StartAsync("ReadsFlag", "flag-1", input: null);

        featureFlag.Value = true;
        var error = await Assert.ThrowsAsync<WorkflowReplayMismatchException>(() => host.RaiseEventAsync("flag-1", "done", true));

        Assert.Equal(new ActivityScheduled(WorkflowTestHost.DefaultStartTime, 1, "Step", "\"old path\""), error.Recorded);
        Assert.Equal(new ActivityScheduled(WorkflowTestHost.DefaultStartTime, 1, "Step", "\"new path\""), error.Replayed);
    }

    [Fact]
    public async Task A_replay_that_stops_deciding_early_is_reported_with_the_missing_decision()
    {
        var skipTimer = new StrongBox<bool>(false);
        WorkflowTestHost host = new WorkflowTestHost()
            .RegisterWorkflow<object?, bool>("SkipsTimer", async (context, _) =>
            {
                if (!skipTimer.Value)
                {
                    await context.CreateTimer(context.CurrentUtcDateTime.AddMinutes(1), CancellationToken.None);
                }

                return await context.WaitForExternalEvent<bool>("done");
            });
        await host.StartAsync("SkipsTimer", "skip-1", input: null);
        skipTimer.Value = true;

        var error = await Assert.ThrowsAsync<WorkflowReplayMismatchException>(() => host.AdvanceTimeAsync(TimeSpan.FromMinutes(1)));

        Assert.IsType<TimerCreated>(error.Recorded);
        Assert.IsType<EventWaitStarted>(error.Replayed);
    }

    [Fact]
    public async Task With_the_check_off_a_non_deterministic_workflow_runs_until_an_explicit_verification()
    {
        WorkflowTestHost host = new WorkflowTestHost { ReplayCheck = false }
            .RegisterActivity<Guid, bool>("Use", _ => true)
            .RegisterWorkflow<object?, bool>("RandomId", (context, _) => context.CallActivityAsync<bool>("Use", Guid.NewGuid()));

        WorkflowTestInstance instance = await host.StartAsync("RandomId", "guid-2", input: null);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, instance.RuntimeStatus);
        Assert.Throws<WorkflowReplayMismatchException>(host.VerifyReplay);
    }

    [Fact]
    public async Task A_deterministic_workflow_with_timers_events_and_guids_replays_cleanly_at_every_step()
    {
        WorkflowTestHost host = new WorkflowTestHost()
            .RegisterActivity<Guid, bool>("Use", _ => true)
            .RegisterWorkflow<object?, bool>("Deterministic", async (context, _) =>
            {
                await context.CallActivityAsync<bool>("Use", context.NewGuid());
                await context.CreateTimer(context.CurrentUtcDateTime.AddMinutes(5), CancellationToken.None);
                return await context.WaitForExternalEvent<bool>("done");
            });

        await host.StartAsync("Deterministic", "ok-1", input: null);
        await host.AdvanceTimeAsync(TimeSpan.FromMinutes(5));
        await host.RaiseEventAsync("ok-1", "done", true);

        Assert.True(host.GetInstance("ok-1").ReadOutput<bool>());
        host.VerifyReplay();
    }

    [Fact]
    public async Task Awaiting_a_task_that_does_not_come_from_the_context_fails_the_next_step()
    {
        var outside = new TaskCompletionSource<bool>();
        WorkflowTestHost host = new WorkflowTestHost()
            .RegisterWorkflow<object?, bool>("AwaitsOutside", async (_, _) => await outside.Task);
        await host.StartAsync("AwaitsOutside", "outside-1", input: null);

        await Task.Run(() => outside.SetResult(true));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.AdvanceTimeAsync(TimeSpan.Zero));

        Assert.Contains("does not come from its TaskOrchestrationContext", error.Message, StringComparison.Ordinal);
        Assert.Equal(OrchestrationRuntimeStatus.Running, host.GetInstance("outside-1").RuntimeStatus);
    }

    [Fact]
    public async Task Cancelling_a_timer_from_outside_the_workflow_thread_fails_the_next_step()
    {
        using var outsideCancellation = new CancellationTokenSource();
        WorkflowTestHost host = new WorkflowTestHost()
            .RegisterWorkflow<object?, bool>("SharesToken", async (context, _) =>
            {
                await context.CreateTimer(context.CurrentUtcDateTime.AddHours(1), outsideCancellation.Token);
                return true;
            });
        await host.StartAsync("SharesToken", "shared-1", input: null);

        await outsideCancellation.CancelAsync();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.AdvanceTimeAsync(TimeSpan.Zero));

        Assert.Contains("CancelAsync", error.Message, StringComparison.Ordinal);
        Assert.Single(host.PendingTimers);
    }
}
