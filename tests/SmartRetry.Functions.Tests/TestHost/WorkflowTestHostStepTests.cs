using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using SmartRetry.Functions.Shared.Durable;

namespace SmartRetry.Functions.Tests.TestHost;

public sealed class WorkflowTestHostStepTests
{
    private static readonly TaskOptions Once = TaskOptions.FromRetryPolicy(new RetryPolicy(maxNumberOfAttempts: 1, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 1.0));

    [Fact]
    public async Task An_activity_is_registered_under_its_function_name_and_runs_its_function_method()
    {
        var shout = new Shout();
        var note = new Note();
        WorkflowTestHost host = new WorkflowTestHost()
            .RegisterStep(shout)
            .RegisterStep(note)
            .RegisterWorkflow<string, string>("Calls", async (context, input) =>
            {
                await context.CallActivityAsync(nameof(Note), input, Once);
                return await context.CallActivityAsync<string>(nameof(Shout), input, Once);
            });

        await host.StartAsync("Calls", "step-1", "hello");

        Assert.Equal("HELLO", host.GetInstance("step-1").ReadOutput<string>());
        Assert.Equal(["hello"], note.Seen);
        Assert.Equal((1, 1), (host.CountActivityCalls(nameof(Shout)), shout.Calls));
    }

    [Fact]
    public async Task An_activity_that_drives_other_instances_gets_the_given_Durable_client_per_call()
    {
        WorkflowTestHost other = new WorkflowTestHost().RegisterWorkflow<string, string>("Echo", (_, input) => Task.FromResult(input));
        await other.StartAsync("Echo", "elsewhere", "hi");
        var exists = new Exists();
        WorkflowTestHost host = new WorkflowTestHost()
            .RegisterStep(exists, other.Client)
            .RegisterWorkflow<string, bool>("Asks", (context, input) => context.CallActivityAsync<bool>(nameof(Exists), input, Once));

        await host.StartAsync("Asks", "asks-1", "elsewhere");
        await host.StartAsync("Asks", "asks-2", "asks-1");

        Assert.True(host.GetInstance("asks-1").ReadOutput<bool>());
        Assert.False(host.GetInstance("asks-2").ReadOutput<bool>());
        Assert.Equal(2, exists.Calls);
    }

    [Fact]
    public void An_activity_that_needs_a_Durable_client_is_refused_without_one()
    {
        Assert.Throws<ArgumentException>(() => new WorkflowTestHost().RegisterStep(new Exists()));
    }

    [Fact]
    public void A_class_without_a_function_method_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new WorkflowTestHost().RegisterStep(new object()));
    }

    public sealed class Shout
    {
        public int Calls { get; private set; }

        [Function(nameof(Shout))]
        public Task<string> RunAsync([ActivityTrigger] string input, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.FromResult(input.ToUpperInvariant());
        }
    }

    public sealed class Note
    {
        public List<string> Seen { get; } = [];

        [Function(nameof(Note))]
        public Task RunAsync([ActivityTrigger] string input, CancellationToken cancellationToken)
        {
            Seen.Add(input);
            return Task.CompletedTask;
        }
    }

    public sealed class Exists
    {
        public int Calls { get; private set; }

        [Function(nameof(Exists))]
        public async Task<bool> RunAsync([ActivityTrigger] string instanceId, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken)
        {
            Calls++;
            return await durable.GetInstanceStateAsync(instanceId, cancellationToken) is not null;
        }
    }
}
