using Grpc.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace SmartRetry.Functions.Shared.Durable;

/// <summary>
/// The calls HTTP functions, the webhook intake and the reconciler make on the invocation's <c>[DurableClient]</c>,
/// each bounded by <see cref="CallTimeout"/> and with what the Functions host reports as exceptions (an instance that
/// exists, is missing or has finished) turned into answers.
/// </summary>
public static class DurableClientExtensions
{
    /// <summary>
    /// How long one call into the Durable host may take. The host answers from its own storage, with retries of its
    /// own; when that storage stops answering, a request must not wait for it, so the call is given up and the request
    /// answered 503. Every call here is safe to repeat: scheduling an id that is running is refused, a raise repeats an
    /// event orchestrations ignore by its id, reads read.
    /// </summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(8);

    /// <summary>
    /// The terminal statuses, always passed explicitly: the host ignores non-terminal statuses in a purge filter and
    /// purges every instance in the date range, running ones included, when none remain.
    /// </summary>
    internal static readonly IReadOnlyList<OrchestrationRuntimeStatus> FinishedStatuses =
        [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated];

    /// <summary>
    /// Schedules <paramref name="orchestratorName"/> under <paramref name="instanceId"/>; false when an instance of that
    /// id is still pending, running or suspended. Durable silently replaces a finished instance with the same id, so
    /// callers make scheduling idempotent themselves.
    /// </summary>
    public static async Task<bool> ScheduleNewUnlessRunningAsync(
        this DurableTaskClient client, TaskName orchestratorName, string instanceId, object? input, CancellationToken cancellationToken, DateTimeOffset? startAt = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        using CancellationTokenSource timeout = WithTimeout(cancellationToken);
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(orchestratorName, input, new StartOrchestrationOptions(InstanceId: instanceId, StartAt: startAt), timeout.Token);
            return true;
        }
        catch (global::DurableTask.Core.Exceptions.OrchestrationAlreadyExistsException)
        {
            // Thrown only while the existing instance is Pending, Running or Suspended; a finished one is replaced.
            return false;
        }
    }

    /// <summary>Raises <paramref name="eventName"/> into a running instance; says so when the instance is missing or has finished.</summary>
    public static async Task<RaiseEventResult> RaiseEventIfRunningAsync(
        this DurableTaskClient client, string instanceId, string eventName, object? payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
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

    /// <summary>The instance with its output, custom status and failure (filled in only when inputs and outputs are asked for); null when it does not exist.</summary>
    public static async Task<OrchestrationMetadata?> GetInstanceStateAsync(this DurableTaskClient client, string instanceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        using CancellationTokenSource timeout = WithTimeout(cancellationToken);
        return await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
    }

    /// <summary>
    /// Starts a finished instance again under the same id, with the input it was first started with (Durable's
    /// restart); false when it does not exist or has not finished.
    /// </summary>
    public static async Task<bool> RestartFinishedAsync(this DurableTaskClient client, string instanceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
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

    /// <summary>Terminates a running instance; false when it does not exist or has already finished.</summary>
    public static async Task<bool> TerminateIfRunningAsync(this DurableTaskClient client, string instanceId, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
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

    /// <summary>Deletes the history of finished instances created before <paramref name="createdBefore"/>; returns how many.</summary>
    public static async Task<int> PurgeFinishedInstancesAsync(this DurableTaskClient client, DateTimeOffset createdBefore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
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
}

/// <summary>What raising an event found.</summary>
public enum RaiseEventResult
{
    Raised,
    InstanceNotFound,
    InstanceFinished,
}
