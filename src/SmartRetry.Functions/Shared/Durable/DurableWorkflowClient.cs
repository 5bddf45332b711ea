using Grpc.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace SmartRetry.Functions.Shared.Durable;

/// <summary>
/// <see cref="IWorkflowClient"/> over the <see cref="DurableTaskClient"/> that Functions binds per invocation
/// (<c>[DurableClient]</c>; it is not in DI, so <see cref="IWorkflowClientFactory"/> wraps it). Translates what the
/// Functions host reports as raw exceptions into the port's results.
/// </summary>
public sealed class DurableWorkflowClient(DurableTaskClient client) : IWorkflowClient
{
    /// <summary>
    /// The terminal statuses, always passed explicitly: the host ignores non-terminal statuses in a purge filter and
    /// purges every instance in the date range, running ones included, when none remain.
    /// </summary>
    internal static readonly IReadOnlyList<OrchestrationRuntimeStatus> FinishedStatuses =
        [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated];

    /// <summary>
    /// How long one call into the Durable host may take. The host answers from its own storage, with retries of its
    /// own; when that storage stops answering, a request must not wait for it, so the call is given up and the
    /// request answered 503. Every call here is safe to repeat: scheduling an id that is running is refused, a raise
    /// repeats an event workflows ignore by its id, reads read.
    /// </summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(8);

    private readonly DurableTaskClient client = client ?? throw new ArgumentNullException(nameof(client));

    public async Task<ScheduleResult> ScheduleNewAsync(
        string workflowName, string instanceId, object? input, DateTimeOffset? startAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(workflowName);
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        using CancellationTokenSource timeout = WithTimeout(cancellationToken);
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                workflowName, input, new StartOrchestrationOptions(InstanceId: instanceId, StartAt: startAt), timeout.Token);
            return ScheduleResult.Scheduled;
        }
        catch (global::DurableTask.Core.Exceptions.OrchestrationAlreadyExistsException)
        {
            // Thrown only while the existing instance is Pending, Running or Suspended; a finished one is replaced.
            return ScheduleResult.AlreadyRunning;
        }
    }

    public async Task<RaiseEventResult> RaiseEventAsync(string instanceId, string eventName, object? payload, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        using CancellationTokenSource timeout = WithTimeout(cancellationToken);
        try
        {
            await client.RaiseEventAsync(instanceId, eventName, payload, timeout.Token);
            return RaiseEventResult.Raised;
        }
        catch (RpcException exception) when (exception.StatusCode == StatusCode.NotFound)
        {
            return RaiseEventResult.InstanceNotFound;
        }
        catch (RpcException exception) when (exception.StatusCode == StatusCode.FailedPrecondition)
        {
            return RaiseEventResult.InstanceFinished;
        }
    }

    public async Task<WorkflowInstance?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);

        // Output, custom status and failure details are only filled in when inputs and outputs are requested.
        using CancellationTokenSource timeout = WithTimeout(cancellationToken);
        OrchestrationMetadata? metadata = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
        return metadata is null
            ? null
            : new WorkflowInstance(
                metadata.InstanceId,
                metadata.Name,
                ToWorkflowStatus(metadata.RuntimeStatus),
                metadata.CreatedAt,
                metadata.LastUpdatedAt,
                metadata.SerializedOutput,
                metadata.SerializedCustomStatus,
                metadata.FailureDetails?.ErrorMessage);
    }

    public async Task<bool> RestartAsync(string instanceId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        using CancellationTokenSource timeout = WithTimeout(cancellationToken);
        OrchestrationMetadata? metadata = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, timeout.Token);
        if (metadata is null || !metadata.IsCompleted)
        {
            return false;
        }

        await client.RestartAsync(instanceId, restartWithNewInstanceId: false, timeout.Token);
        return true;
    }

    public async Task<bool> TerminateAsync(string instanceId, string reason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        using CancellationTokenSource timeout = WithTimeout(cancellationToken);
        try
        {
            await client.TerminateInstanceAsync(instanceId, new TerminateInstanceOptions { Output = reason }, timeout.Token);
            return true;
        }
        catch (RpcException exception) when (exception.StatusCode is StatusCode.NotFound or StatusCode.FailedPrecondition)
        {
            return false;
        }
    }

    public async Task<int> PurgeFinishedAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken)
    {
        PurgeResult result = await client.PurgeAllInstancesAsync(
            new PurgeInstancesFilter(CreatedFrom: null, CreatedTo: createdBefore, Statuses: FinishedStatuses),
            options: null,
            cancellation: cancellationToken);
        return result.PurgedInstanceCount;
    }

    private static CancellationTokenSource WithTimeout(CancellationToken cancellationToken)
    {
        var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CallTimeout);
        return timeout;
    }

    private static WorkflowRuntimeStatus ToWorkflowStatus(OrchestrationRuntimeStatus status) => status switch
    {
        OrchestrationRuntimeStatus.Pending => WorkflowRuntimeStatus.Pending,
        OrchestrationRuntimeStatus.Running => WorkflowRuntimeStatus.Running,
        OrchestrationRuntimeStatus.Suspended => WorkflowRuntimeStatus.Suspended,
        OrchestrationRuntimeStatus.Completed => WorkflowRuntimeStatus.Completed,
        OrchestrationRuntimeStatus.Failed => WorkflowRuntimeStatus.Failed,
        OrchestrationRuntimeStatus.Terminated => WorkflowRuntimeStatus.Terminated,

        // ContinuedAsNew (between two generations) and Canceled (never reported by the Azure Storage backend) are
        // obsolete; reading them as running keeps a status query from failing on them.
        _ => WorkflowRuntimeStatus.Running,
    };
}
