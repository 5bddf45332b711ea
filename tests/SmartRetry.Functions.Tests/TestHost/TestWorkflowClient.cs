using SmartRetry.Functions.Shared.Durable;

namespace SmartRetry.Functions.Tests.TestHost;

/// <summary><see cref="IWorkflowClient"/> over the test host: each call is one host step, serialized with all others.</summary>
internal sealed class TestWorkflowClient(WorkflowTestHost host) : IWorkflowClient
{
    public Task<ScheduleResult> ScheduleNewAsync(string workflowName, string instanceId, object? input, DateTimeOffset? startAt, CancellationToken cancellationToken) =>
        host.ScheduleUnlessRunningAsync(workflowName, instanceId, input, startAt?.UtcDateTime);

    public Task<RaiseEventResult> RaiseEventAsync(string instanceId, string eventName, object? payload, CancellationToken cancellationToken) =>
        host.RaiseEventAsync(instanceId, eventName, payload);

    public Task<WorkflowInstance?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken) =>
        host.GetInstanceSnapshotAsync(instanceId);

    public Task<bool> RestartAsync(string instanceId, CancellationToken cancellationToken) => host.RestartAsync(instanceId);

    public Task<bool> TerminateAsync(string instanceId, string reason, CancellationToken cancellationToken) => host.TerminateAsync(instanceId, reason);

    public Task<int> PurgeFinishedAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken) => host.PurgeFinishedAsync(createdBefore);
}
