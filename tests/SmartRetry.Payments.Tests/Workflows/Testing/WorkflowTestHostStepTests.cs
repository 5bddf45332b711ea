using SmartRetry.Payments.Workflows;
using SmartRetry.Testing.Workflows;

namespace SmartRetry.Payments.Tests.Workflows.Testing;

public sealed class WorkflowTestHostStepTests
{
    private static readonly ActivityRetryPolicy Once = new(MaxNumberOfAttempts: 1, FirstRetryInterval: TimeSpan.FromSeconds(1), BackoffCoefficient: 1.0);

    [Fact]
    public async Task A_step_is_registered_under_its_own_name_and_runs_its_RunAsync()
    {
        var shout = new ShoutActivity();
        var note = new NoteActivity();
        WorkflowTestHost host = new WorkflowTestHost()
            .RegisterStep(shout)
            .RegisterStep(note)
            .RegisterWorkflow<string, string>("Calls", async (context, input) =>
            {
                await context.CallActivityAsync(NoteActivity.Name, input, Once);
                return await context.CallActivityAsync<string>(ShoutActivity.Name, input, Once);
            });

        await host.StartAsync("Calls", "step-1", "hello");

        Assert.Equal("HELLO", host.GetInstance("step-1").ReadOutput<string>());
        Assert.Equal(["hello"], note.Seen);
        Assert.Equal((1, 1), (host.CountActivityCalls("Shout"), shout.Calls));
    }

    [Fact]
    public void A_class_without_a_name_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new WorkflowTestHost().RegisterStep(new object()));
    }

    public sealed class ShoutActivity
    {
        public const string Name = "Shout";

        public int Calls { get; private set; }

        public Task<string> RunAsync(string input, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.FromResult(input.ToUpperInvariant());
        }
    }

    public sealed class NoteActivity
    {
        public const string Name = "Note";

        public List<string> Seen { get; } = [];

        public Task RunAsync(string input, CancellationToken cancellationToken)
        {
            Seen.Add(input);
            return Task.CompletedTask;
        }
    }
}
