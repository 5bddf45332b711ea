using System.Text.Json;
using SmartRetry.Functions.Shared.Serialization;

namespace SmartRetry.Functions.Shared.Durable;

/// <summary>A workflow instance as the host reports it. Output and custom status are JSON written with <see cref="PaymentsJson.Options"/>.</summary>
public sealed record WorkflowInstance(
    string InstanceId,
    string WorkflowName,
    WorkflowRuntimeStatus RuntimeStatus,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt,
    string? SerializedOutput,
    string? SerializedCustomStatus,
    string? FailureMessage)
{
    public bool IsFinished => RuntimeStatus is WorkflowRuntimeStatus.Completed or WorkflowRuntimeStatus.Failed or WorkflowRuntimeStatus.Terminated;

    public T? ReadOutputAs<T>() => Read<T>(SerializedOutput);

    public T? ReadCustomStatusAs<T>() => Read<T>(SerializedCustomStatus);

    private static T? Read<T>(string? json) => string.IsNullOrEmpty(json) ? default : JsonSerializer.Deserialize<T>(json, PaymentsJson.Options);
}

public enum WorkflowRuntimeStatus
{
    Pending,
    Running,
    Suspended,
    Completed,
    Failed,
    Terminated,
}
