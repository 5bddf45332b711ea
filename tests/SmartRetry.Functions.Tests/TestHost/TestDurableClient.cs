using Grpc.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using SmartRetry.Functions.Shared.Durable;

namespace SmartRetry.Functions.Tests.TestHost;

/// <summary>
/// Durable's client over the test host: each call is one host step, serialized with all others. Answers what the
/// Functions host's client answers: scheduling a running id throws <c>OrchestrationAlreadyExistsException</c>, raising
/// into a missing or finished instance throws an <see cref="RpcException"/> (NotFound, FailedPrecondition), as does
/// terminating one.
/// </summary>
internal sealed class TestDurableClient(WorkflowTestHost host) : DurableTaskClient("test-host")
{
    public override async Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        string instanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N");
        if (!await host.ScheduleUnlessRunningAsync(orchestratorName.Name, instanceId, input, options?.StartAt?.UtcDateTime))
        {
            throw new global::DurableTask.Core.Exceptions.OrchestrationAlreadyExistsException($"An orchestration with instance ID '{instanceId}' already exists.");
        }

        return instanceId;
    }

    public override async Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
    {
        switch (await host.RaiseEventAsync(instanceId, eventName, eventPayload))
        {
            case RaiseEventResult.InstanceNotFound:
                throw new RpcException(new Status(StatusCode.NotFound, $"No instance with ID '{instanceId}' was found."));
            case RaiseEventResult.InstanceFinished:
                throw new RpcException(new Status(StatusCode.FailedPrecondition, $"Instance '{instanceId}' has finished."));
        }
    }

    public override Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        host.GetMetadataAsync(instanceId, getInputsAndOutputs);

    public override async Task<string> RestartAsync(string instanceId, bool restartWithNewInstanceId = false, CancellationToken cancellation = default)
    {
        if (restartWithNewInstanceId || !await host.RestartAsync(instanceId))
        {
            throw new InvalidOperationException($"Instance '{instanceId}' does not exist or has not finished.");
        }

        return instanceId;
    }

    public override async Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        if (!await host.TerminateAsync(instanceId, options?.Output as string ?? ""))
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, $"Instance '{instanceId}' does not exist or has finished."));
        }
    }

    public override async Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return new PurgeResult(await host.PurgeFinishedAsync(filter.CreatedTo ?? DateTimeOffset.MaxValue));
    }

    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        throw new NotSupportedException("The test host runs every step to idle; read the instance instead.");

    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        throw new NotSupportedException("The test host runs every step to idle; read the instance instead.");

    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        throw new NotSupportedException("No flow suspends an instance.");

    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        throw new NotSupportedException("No flow suspends an instance.");

    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null) =>
        throw new NotSupportedException("No flow lists instances.");

    public override Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default) =>
        throw new NotSupportedException("Instances are purged by age only.");

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
