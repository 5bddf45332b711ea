using Microsoft.DurableTask;

namespace SmartRetry.Functions.Tests.TestHost;

public class WorkflowTestHostActivityTests
{
    private static readonly DateTime Start = WorkflowTestHost.DefaultStartTime;
    private static readonly TaskOptions ThreeAttempts = TaskOptions.FromRetryPolicy(new RetryPolicy(maxNumberOfAttempts: 3, firstRetryInterval: TimeSpan.FromSeconds(10), backoffCoefficient: 2.0));

    [Fact]
    public async Task A_failed_activity_is_retried_on_virtual_time_with_the_policy_backoff()
    {
        int calls = 0;
        WorkflowTestHost host = new WorkflowTestHost()
            .RegisterActivity<string, string>("Flaky", input => ++calls < 3 ? throw new TimeoutException("outage") : input + " done")
            .RegisterWorkflow<string, string>("CallsFlaky", (context, input) => context.CallActivityAsync<string>("Flaky", input, ThreeAttempts));

        await host.StartAsync("CallsFlaky", "retry-1", "job");
        Assert.Equal(1, host.CountActivityCalls("Flaky"));
        Assert.Equal(Start.AddSeconds(10), Assert.Single(host.PendingTimers).FireAt);

        await host.AdvanceTimeAsync(TimeSpan.FromSeconds(9));
        Assert.Equal(1, host.CountActivityCalls("Flaky"));
        await host.AdvanceTimeAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(2, host.CountActivityCalls("Flaky"));
        Assert.Equal(Start.AddSeconds(30), Assert.Single(host.PendingTimers).FireAt);
        await host.AdvanceTimeAsync(TimeSpan.FromSeconds(20));

        Assert.Equal("job done", host.GetInstance("retry-1").ReadOutput<string>());
        Assert.Equal([Start, Start.AddSeconds(10), Start.AddSeconds(30)], host.ActivityCalls.Select(c => c.CalledAt));
        Assert.All(host.ActivityCalls, c => Assert.Equal("\"job\"", c.InputJson));
    }

    [Fact]
    public async Task When_retries_run_out_the_workflow_catches_the_failure_with_the_original_exception_type()
    {
        WorkflowTestHost host = new WorkflowTestHost()
            .RegisterActivity<string, string>("Broken", _ => throw new TimeoutException("still down"))
            .RegisterWorkflow<string, string>("CatchesFailure", async (context, input) =>
            {
                try
                {
                    return await context.CallActivityAsync<string>("Broken", input, ThreeAttempts);
                }
                catch (TaskFailedException e)
                {
                    return $"{e.TaskName} {e.FailureDetails.ErrorType}";
                }
            });

        WorkflowTestInstance instance = await host.StartAsync("CatchesFailure", "retry-2", "job");
        await host.RunToCompletionAsync("retry-2");

        Assert.Equal("Broken System.TimeoutException", instance.ReadOutput<string>());
        Assert.Equal(3, host.CountActivityCalls("Broken"));
    }

    [Fact]
    public async Task A_held_activity_stays_in_flight_while_events_arrive_until_released()
    {
        WorkflowTestHost host = new WorkflowTestHost()
            .HoldActivity("Slow")
            .RegisterActivity<string, string>("Slow", input => input + " done")
            .RegisterWorkflow<string, string[]>("AwaitsSlow", async (context, input) =>
            {
                string result = await context.CallActivityAsync<string>("Slow", input);
                return [result, await context.WaitForExternalEvent<string>("note")];
            });

        await host.StartAsync("AwaitsSlow", "held-1", "job");
        await host.RaiseEventAsync("held-1", "note", "arrived meanwhile");
        Assert.Equal(1, host.ActivitiesInFlight);
        Assert.Empty(host.ActivityCalls);

        await host.ReleaseActivityAsync("Slow");

        Assert.Equal(["job done", "arrived meanwhile"], host.GetInstance("held-1").ReadOutput<string[]>());
        Assert.Equal(0, host.ActivitiesInFlight);
    }

    [Fact]
    public async Task Inputs_and_results_cross_the_activity_boundary_as_payments_json()
    {
        WorkflowTestHost host = new WorkflowTestHost()
            .RegisterActivity<Charge, ChargeReceipt>("Charge", charge => new ChargeReceipt(charge.MerchantTransactionId, charge.Amount * 2, ChargeState.PartlyDone))
            .RegisterWorkflow<Charge, ChargeReceipt>("Charges", (context, charge) => context.CallActivityAsync<ChargeReceipt>("Charge", charge));

        WorkflowTestInstance instance = await host.StartAsync("Charges", "json-1", new Charge("mt-1", 12.34m));

        Assert.Equal("{\"merchant_transaction_id\":\"mt-1\",\"amount\":12.34}", Assert.Single(host.ActivityCalls).InputJson);
        Assert.Equal("{\"merchant_transaction_id\":\"mt-1\",\"amount\":24.68,\"state\":\"partly_done\"}", instance.SerializedOutput);
        Assert.Equal(new ChargeReceipt("mt-1", 24.68m, ChargeState.PartlyDone), instance.ReadOutput<ChargeReceipt>());
        Assert.Contains(instance.SerializedOutput, host.SerializedPayloads);
    }

    [Fact]
    public async Task Workflow_logs_are_captured_once_although_every_step_is_replayed()
    {
        WorkflowTestHost host = new WorkflowTestHost()
            .RegisterActivity<int, int>("Double", n => n * 2)
            .RegisterWorkflow<int, int>("Logs", async (context, n) =>
            {
                var log = context.CreateReplaySafeLogger("Logs");
                log.LogStep(n);
                int doubled = await context.CallActivityAsync<int>("Double", n);
                log.LogStep(doubled);
                return doubled;
            });

        await host.StartAsync("Logs", "logs-1", 21);

        Assert.Equal(["Step 21", "Step 42"], host.Logs.Select(l => l.Message));
        Assert.All(host.Logs, l => Assert.Equal("logs-1", l.InstanceId));
    }

    [Fact]
    public async Task Guids_from_the_context_are_deterministic_per_instance_and_distinct_per_call()
    {
        WorkflowTestHost host = new WorkflowTestHost()
            .RegisterWorkflow<object?, Guid[]>("Guids", (context, _) => Task.FromResult(new[] { context.NewGuid(), context.NewGuid() }));

        Guid[] first = (await host.StartAsync("Guids", "guid-1", input: null)).ReadOutput<Guid[]>();
        Guid[] again = (await new WorkflowTestHost().RegisterWorkflow<object?, Guid[]>("Guids", (context, _) => Task.FromResult(new[] { context.NewGuid(), context.NewGuid() }))
            .StartAsync("Guids", "guid-1", input: null)).ReadOutput<Guid[]>();
        Guid[] other = (await host.StartAsync("Guids", "guid-2", input: null)).ReadOutput<Guid[]>();

        Assert.Equal(first, again);
        Assert.NotEqual(first[0], first[1]);
        Assert.Empty(first.Intersect(other));
    }

    [Fact]
    public async Task Custom_statuses_are_kept_in_order_as_json()
    {
        WorkflowTestHost host = new WorkflowTestHost()
            .RegisterWorkflow<object?, bool>("Statuses", async (context, _) =>
            {
                context.SetCustomStatus(new Progress("waiting", 0));
                await context.CreateTimer(context.CurrentUtcDateTime.AddMinutes(1), CancellationToken.None);
                context.SetCustomStatus(new Progress("retrying", 2));
                return true;
            });

        await host.StartAsync("Statuses", "status-1", input: null);
        await host.AdvanceTimeAsync(TimeSpan.FromMinutes(1));

        WorkflowTestInstance instance = host.GetInstance("status-1");
        Assert.Equal([new Progress("waiting", 0), new Progress("retrying", 2)], instance.ReadCustomStatusHistory<Progress>());
        Assert.Equal("{\"phase\":\"retrying\",\"attempts\":2}", instance.SerializedCustomStatus);
    }

    public sealed record Charge(string MerchantTransactionId, decimal Amount);

    public sealed record ChargeReceipt(string MerchantTransactionId, decimal Amount, ChargeState State);

    public enum ChargeState
    {
        Done,
        PartlyDone,
    }

    public sealed record Progress(string Phase, int Attempts);
}
