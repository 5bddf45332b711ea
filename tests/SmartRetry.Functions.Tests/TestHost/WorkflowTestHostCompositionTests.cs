using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace SmartRetry.Functions.Tests.TestHost;

public class WorkflowTestHostCompositionTests
{
    [Fact]
    public async Task A_sub_workflow_runs_under_its_chosen_id_and_receives_events_addressed_to_it()
    {
        WorkflowTestHost host = new WorkflowTestHost()
            .RegisterWorkflow<int, int>("Child", async (context, factor) => factor * await context.WaitForExternalEvent<int>("go"))
            .RegisterWorkflow<object?, int>("Parent", (context, _) => context.CallSubOrchestratorAsync<int>("Child", 3, new SubOrchestrationOptions(instanceId: "parent-1:cycle-1")));

        await host.StartAsync("Parent", "parent-1", input: null);
        Assert.Equal(OrchestrationRuntimeStatus.Running, host.GetInstance("parent-1:cycle-1").RuntimeStatus);

        await host.RaiseEventAsync("parent-1:cycle-1", "go", 14);

        Assert.Equal(42, host.GetInstance("parent-1:cycle-1").ReadOutput<int>());
        Assert.Equal(42, host.GetInstance("parent-1").ReadOutput<int>());
    }

    [Fact]
    public async Task A_failed_sub_workflow_fails_the_parents_call()
    {
        WorkflowTestHost host = new WorkflowTestHost()
            .RegisterWorkflow<object?, int>("Fails", (_, _) => throw new InvalidOperationException("child broke"))
            .RegisterWorkflow<object?, string>("Parent", async (context, _) =>
            {
                try
                {
                    return (await context.CallSubOrchestratorAsync<int>("Fails", null, new SubOrchestrationOptions(instanceId: "child-of-2"))).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
                catch (TaskFailedException e)
                {
                    return $"{e.TaskName}: {e.FailureDetails.ErrorType}: {e.FailureDetails.ErrorMessage}";
                }
            });

        WorkflowTestInstance parent = await host.StartAsync("Parent", "parent-2", input: null);

        Assert.Equal("Fails: System.InvalidOperationException: child broke", parent.ReadOutput<string>());
    }

    [Fact]
    public async Task ContinueAsNew_starts_a_fresh_generation_and_carries_unprocessed_events_over()
    {
        WorkflowTestHost host = new WorkflowTestHost()
            .RegisterWorkflow<Tally, int>("Tally", async (context, tally) =>
            {
                await context.CreateTimer(context.CurrentUtcDateTime.AddMinutes(1), CancellationToken.None);
                int sum = tally.Sum + await context.WaitForExternalEvent<int>("add");
                if (tally.Round == 3)
                {
                    return sum;
                }

                context.ContinueAsNew(new Tally(tally.Round + 1, sum), preserveUnprocessedEvents: true);
                return 0;
            });
        await host.StartAsync("Tally", "tally-1", new Tally(1, 0));

        foreach (int value in new[] { 1, 10, 100 })
        {
            await host.RaiseEventAsync("tally-1", "add", value);
        }

        WorkflowTestInstance instance = await host.RunToCompletionAsync("tally-1");

        Assert.Equal(111, instance.ReadOutput<int>());
        Assert.Equal(3, instance.Generations.Count);
        Assert.Equal(["{\"round\":1,\"sum\":0}", "{\"round\":2,\"sum\":1}", "{\"round\":3,\"sum\":11}"], instance.Generations.Select(g => g.InputJson));
        Assert.Equal(["10", "100"], instance.Generations[1].History.OfType<EventRaised>().Select(e => e.PayloadJson));
        Assert.All(instance.Generations, g => Assert.InRange(g.History.Count, 1, 8));
    }

    public sealed record Tally(int Round, int Sum);
}
