using System.Collections.Concurrent;
using Grpc.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using SmartRetry.Functions.Shared.Durable;
using SmartRetry.Functions.Shared.Serialization;

namespace SmartRetry.Functions.Tests.TestHost;

/// <summary>
/// A Durable client that runs nothing: it records what it is asked and answers from the instances the test put in
/// <see cref="Instances"/>, with the exceptions the Functions host's client throws (scheduling a running id, raising
/// into a missing or finished instance). For tests of HTTP functions, the webhook intake and the reconciler, whose
/// orchestrations are not the subject; those run in <see cref="WorkflowTestHost"/>.
/// </summary>
internal sealed class RecordingDurableClient : DurableTaskClient
{
    public RecordingDurableClient()
        : base("recording")
    {
    }

    /// <summary>Every schedule asked for, refused ones included.</summary>
    public ConcurrentQueue<(string Name, string InstanceId, object? Input)> Scheduled { get; } = new();

    public ConcurrentQueue<(string InstanceId, string Name, object? Payload)> Raised { get; } = new();

    public ConcurrentQueue<string> Restarted { get; } = new();

    public ConcurrentQueue<(string InstanceId, object? Output)> Terminated { get; } = new();

    public ConcurrentQueue<PurgeInstancesFilter> Purges { get; } = new();

    /// <summary>The instances the client knows, by id; a scheduled one is added as running.</summary>
    public ConcurrentDictionary<string, OrchestrationMetadata> Instances { get; } = new(StringComparer.Ordinal);

    /// <summary>What a raise into an instance finds; by default, what <see cref="Instances"/> says (a missing instance counts as running).</summary>
    public Func<string, string, RaiseEventResult>? RaiseResult { get; set; }

    /// <summary>What the next raises find, one each, before <see cref="RaiseResult"/>: a <see cref="RaiseEventResult"/> or an exception to throw.</summary>
    public ConcurrentQueue<object> NextRaises { get; } = new();

    /// <summary>Exceptions the next schedules throw, one each (the host's storage failing).</summary>
    public ConcurrentQueue<Exception> ScheduleFaults { get; } = new();

    /// <summary>How many instances a purge removes.</summary>
    public int PurgeCount { get; set; }

    public static OrchestrationMetadata Instance(
        string instanceId, string name, OrchestrationRuntimeStatus status, DateTimeOffset createdAt, string? customStatus = null, string? output = null, DateTimeOffset? lastUpdatedAt = null) =>
        new(name, instanceId)
        {
            RuntimeStatus = status,
            CreatedAt = createdAt,
            LastUpdatedAt = lastUpdatedAt ?? createdAt,
            SerializedCustomStatus = customStatus,
            SerializedOutput = output,
            DataConverter = new JsonDataConverter(PaymentsJson.Options),
        };

    public override Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        string instanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N");
        Scheduled.Enqueue((orchestratorName.Name, instanceId, input));
        if (ScheduleFaults.TryDequeue(out Exception? fault))
        {
            throw fault;
        }

        if (Instances.TryGetValue(instanceId, out OrchestrationMetadata? existing) && !existing.IsCompleted)
        {
            throw new global::DurableTask.Core.Exceptions.OrchestrationAlreadyExistsException($"An orchestration with instance ID '{instanceId}' already exists.");
        }

        Instances[instanceId] = Instance(instanceId, orchestratorName.Name, OrchestrationRuntimeStatus.Pending, DateTimeOffset.UtcNow);
        return Task.FromResult(instanceId);
    }

    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
    {
        Raised.Enqueue((instanceId, eventName, eventPayload));
        if (NextRaises.TryDequeue(out object? next))
        {
            return next is Exception fault ? throw fault : Answer((RaiseEventResult)next);
        }

        return Answer(RaiseResult?.Invoke(instanceId, eventName)
            ?? (Instances.TryGetValue(instanceId, out OrchestrationMetadata? instance) && instance.IsCompleted ? RaiseEventResult.InstanceFinished : RaiseEventResult.Raised));

        Task Answer(RaiseEventResult result) => result switch
        {
            RaiseEventResult.InstanceNotFound => throw new RpcException(new Status(StatusCode.NotFound, $"No instance '{instanceId}'.")),
            RaiseEventResult.InstanceFinished => throw new RpcException(new Status(StatusCode.FailedPrecondition, $"Instance '{instanceId}' has finished.")),
            _ => Task.CompletedTask,
        };
    }

    public override Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        Task.FromResult(Instances.GetValueOrDefault(instanceId));

    public override Task<string> RestartAsync(string instanceId, bool restartWithNewInstanceId = false, CancellationToken cancellation = default)
    {
        Restarted.Enqueue(instanceId);
        return Task.FromResult(instanceId);
    }

    public override Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        Terminated.Enqueue((instanceId, options?.Output));
        return Task.CompletedTask;
    }

    public override Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        Purges.Enqueue(filter);
        return Task.FromResult(new PurgeResult(PurgeCount));
    }

    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        throw new NotSupportedException();

    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        throw new NotSupportedException();

    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) => throw new NotSupportedException();

    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) => throw new NotSupportedException();

    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null) => throw new NotSupportedException();

    public override Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default) =>
        throw new NotSupportedException();

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
