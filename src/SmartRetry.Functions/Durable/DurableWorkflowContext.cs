using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using SmartRetry.Payments.Workflows;

namespace SmartRetry.Functions.Durable;

/// <summary>
/// Runs a Payments workflow on Durable Functions: every <see cref="IWorkflowContext"/> member is the one matching
/// <see cref="TaskOrchestrationContext"/> call, so Durable's replay and determinism rules hold unchanged. Every
/// orchestrator function wraps its context in one of these and hands it to the workflow.
/// </summary>
/// <remarks>
/// A failed activity or sub-workflow surfaces from Durable as <see cref="TaskFailedException"/>; it is rethrown as
/// Payments' host-neutral <see cref="WorkflowTaskFailedException"/> (task name, original exception type and message,
/// the Durable exception as inner exception), which is what workflows catch.
/// </remarks>
public sealed class DurableWorkflowContext(TaskOrchestrationContext context) : IWorkflowContext
{
    private readonly TaskOrchestrationContext context = context ?? throw new ArgumentNullException(nameof(context));

    public string InstanceId => context.InstanceId;

    public DateTime CurrentUtcDateTime => context.CurrentUtcDateTime;

    public bool IsReplaying => context.IsReplaying;

    public async Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, ActivityRetryPolicy? retry = null)
    {
        try
        {
            return await context.CallActivityAsync<TResult>(name, input, ToTaskOptions(retry));
        }
        catch (TaskFailedException e)
        {
            throw ToWorkflowFailure(e);
        }
    }

    public async Task CallActivityAsync(string name, object? input = null, ActivityRetryPolicy? retry = null)
    {
        try
        {
            await context.CallActivityAsync(name, input, ToTaskOptions(retry));
        }
        catch (TaskFailedException e)
        {
            throw ToWorkflowFailure(e);
        }
    }

    public async Task<TResult> CallSubWorkflowAsync<TResult>(string name, string instanceId, object? input = null)
    {
        try
        {
            return await context.CallSubOrchestratorAsync<TResult>(name, input, new SubOrchestrationOptions(instanceId: instanceId));
        }
        catch (TaskFailedException e)
        {
            throw ToWorkflowFailure(e);
        }
    }

    // Durable converts fireAt with ToUniversalTime(), which would read an Unspecified kind as local time.
    public Task CreateTimer(DateTime fireAtUtc, CancellationToken cancellationToken)
        => context.CreateTimer(
            fireAtUtc.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(fireAtUtc, DateTimeKind.Utc) : fireAtUtc,
            cancellationToken);

    public Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
        => context.WaitForExternalEvent<T>(eventName, cancellationToken);

    public void SetCustomStatus(object? customStatus) => context.SetCustomStatus(customStatus);

    public void ContinueAsNew(object? newInput) => context.ContinueAsNew(newInput, preserveUnprocessedEvents: true);

    public Guid NewGuid() => context.NewGuid();

    public ILogger CreateReplaySafeLogger(string categoryName) => context.CreateReplaySafeLogger(categoryName);

    private static WorkflowTaskFailedException ToWorkflowFailure(TaskFailedException failure) =>
        new(failure.TaskName, failure.FailureDetails.ErrorType, failure.FailureDetails.ErrorMessage, failure);

    private static TaskOptions? ToTaskOptions(ActivityRetryPolicy? retry) => retry is null
        ? null
        : TaskOptions.FromRetryPolicy(new RetryPolicy(
            retry.MaxNumberOfAttempts,
            retry.FirstRetryInterval,
            retry.BackoffCoefficient,
            retry.MaxRetryInterval));
}
