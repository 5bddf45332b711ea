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
/// A failed activity or sub-workflow surfaces as Durable's <see cref="TaskFailedException"/> (its
/// <see cref="TaskFailedException.FailureDetails"/> name the original exception type): Payments defines no
/// host-neutral failure type yet, so it propagates unchanged.
/// </remarks>
public sealed class DurableWorkflowContext(TaskOrchestrationContext context) : IWorkflowContext
{
    private readonly TaskOrchestrationContext context = context ?? throw new ArgumentNullException(nameof(context));

    public string InstanceId => context.InstanceId;

    public DateTime CurrentUtcDateTime => context.CurrentUtcDateTime;

    public bool IsReplaying => context.IsReplaying;

    public Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, ActivityRetryPolicy? retry = null)
        => context.CallActivityAsync<TResult>(name, input, ToTaskOptions(retry));

    public Task CallActivityAsync(string name, object? input = null, ActivityRetryPolicy? retry = null)
        => context.CallActivityAsync(name, input, ToTaskOptions(retry));

    public Task<TResult> CallSubWorkflowAsync<TResult>(string name, string instanceId, object? input = null)
        => context.CallSubOrchestratorAsync<TResult>(name, input, new SubOrchestrationOptions(instanceId: instanceId));

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

    private static TaskOptions? ToTaskOptions(ActivityRetryPolicy? retry) => retry is null
        ? null
        : TaskOptions.FromRetryPolicy(new RetryPolicy(
            retry.MaxNumberOfAttempts,
            retry.FirstRetryInterval,
            retry.BackoffCoefficient,
            retry.MaxRetryInterval));
}
