namespace SmartRetry.Functions.Shared.Durable;

/// <summary>What the HTTP and webhook side may do with workflow instances (adapted to Durable's <c>DurableTaskClient</c>).</summary>
public interface IWorkflowClient
{
    /// <summary>
    /// Schedules <paramref name="workflowName"/> under <paramref name="instanceId"/>. Callers must make scheduling
    /// idempotent themselves (Durable silently replaces a finished instance with the same id); this reports an instance
    /// that is still running as <see cref="ScheduleResult.AlreadyRunning"/>.
    /// </summary>
    Task<ScheduleResult> ScheduleNewAsync(string workflowName, string instanceId, object? input, DateTimeOffset? startAt, CancellationToken cancellationToken);

    Task<RaiseEventResult> RaiseEventAsync(string instanceId, string eventName, object? payload, CancellationToken cancellationToken);

    /// <summary>The instance with its output and custom status, or null when it does not exist.</summary>
    Task<WorkflowInstance?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>
    /// Starts a finished instance again under the same id, with the input it was first started with (Durable's restart);
    /// false when it does not exist or has not finished.
    /// </summary>
    Task<bool> RestartAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Terminates a running instance; false when it does not exist or has already finished.</summary>
    Task<bool> TerminateAsync(string instanceId, string reason, CancellationToken cancellationToken);

    /// <summary>Deletes the history of finished instances created before <paramref name="createdBefore"/>; returns how many.</summary>
    Task<int> PurgeFinishedAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken);
}

public enum ScheduleResult
{
    Scheduled,
    AlreadyRunning,
}

public enum RaiseEventResult
{
    Raised,
    InstanceNotFound,
    InstanceFinished,
}
