using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using SmartRetry.Functions.Shared.Serialization;

namespace SmartRetry.Functions.Tests.TestHost;

/// <summary>An orchestration instance run by <see cref="WorkflowTestHost"/>: its status, output, custom statuses and every generation's history.</summary>
public sealed class WorkflowTestInstance
{
    private readonly List<WorkflowGeneration> generations = [];
    private readonly List<string?> customStatuses = [];
    private readonly Queue<(string Name, string? PayloadJson)> eventsBeforeStart = new();

    internal WorkflowTestInstance(string instanceId, string workflowName, DateTime createdAt, (WorkflowGeneration Generation, int TaskId)? parent)
    {
        InstanceId = instanceId;
        WorkflowName = workflowName;
        CreatedAt = createdAt;
        LastUpdatedAt = createdAt;
        Parent = parent;
    }

    public string InstanceId { get; }

    public string WorkflowName { get; }

    public DateTime CreatedAt { get; }

    public DateTime LastUpdatedAt { get; private set; }

    public OrchestrationRuntimeStatus RuntimeStatus { get; private set; } = OrchestrationRuntimeStatus.Pending;

    public bool IsFinished => RuntimeStatus is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated;

    public IReadOnlyList<WorkflowGeneration> Generations => generations;

    /// <summary>The running generation, or the last one once the instance has finished.</summary>
    public WorkflowGeneration CurrentGeneration => generations.Count > 0
        ? generations[^1]
        : throw new InvalidOperationException($"Instance '{InstanceId}' has not started yet.");

    public string? SerializedOutput { get; private set; }

    public string? SerializedCustomStatus => customStatuses.Count > 0 ? customStatuses[^1] : null;

    /// <summary>Every custom status the instance set, oldest first, across generations.</summary>
    public IReadOnlyList<string?> CustomStatusHistory => customStatuses;

    public string? FailureType { get; private set; }

    public string? FailureMessage { get; private set; }

    internal (WorkflowGeneration Generation, int TaskId)? Parent { get; }

    /// <summary>The output; throws with the failure when the instance did not complete.</summary>
    public T ReadOutput<T>() => RuntimeStatus == OrchestrationRuntimeStatus.Completed
        ? WorkflowJson.Deserialize<T>(SerializedOutput)!
        : throw new InvalidOperationException($"Instance '{InstanceId}' is {RuntimeStatus}, not Completed. {FailureType}: {FailureMessage}");

    public T? ReadCustomStatus<T>() => WorkflowJson.Deserialize<T>(SerializedCustomStatus);

    public IReadOnlyList<T?> ReadCustomStatusHistory<T>() => [.. customStatuses.Select(WorkflowJson.Deserialize<T>)];

    /// <summary>The instance as Durable's client reports it; input, output, custom status and failure only when asked for.</summary>
    public OrchestrationMetadata ToMetadata(bool getInputsAndOutputs) => new(WorkflowName, InstanceId)
    {
        RuntimeStatus = RuntimeStatus,
        CreatedAt = new DateTimeOffset(CreatedAt),
        LastUpdatedAt = new DateTimeOffset(LastUpdatedAt),
        SerializedInput = getInputsAndOutputs && generations.Count > 0 ? generations[0].InputJson : null,
        SerializedOutput = getInputsAndOutputs ? SerializedOutput : null,
        SerializedCustomStatus = getInputsAndOutputs ? SerializedCustomStatus : null,
        FailureDetails = getInputsAndOutputs && FailureType is not null ? new TaskFailureDetails(FailureType, FailureMessage ?? "", null, null, null) : null,
        DataConverter = new JsonDataConverter(PaymentsJson.Options),
    };

    internal WorkflowGeneration AddGeneration(WorkflowTestHost host, string? inputJson, DateTime now)
    {
        var generation = new WorkflowGeneration(host, this, generations.Count + 1, inputJson, now);
        generations.Add(generation);
        RuntimeStatus = OrchestrationRuntimeStatus.Running;
        LastUpdatedAt = now;
        return generation;
    }

    internal void SetCustomStatus(string? statusJson, DateTime now)
    {
        customStatuses.Add(statusJson);
        LastUpdatedAt = now;
    }

    internal void Finish(OrchestrationRuntimeStatus status, string? outputJson, string? failureType, string? failureMessage, DateTime now)
    {
        RuntimeStatus = status;
        SerializedOutput = outputJson;
        FailureType = failureType;
        FailureMessage = failureMessage;
        LastUpdatedAt = now;
    }

    /// <summary>Keeps an event raised while no generation runs (scheduled start, or between generations) for the next one.</summary>
    internal void HoldEvent(string name, string? payloadJson) => eventsBeforeStart.Enqueue((name, payloadJson));

    internal IEnumerable<(string Name, string? PayloadJson)> TakeHeldEvents()
    {
        while (eventsBeforeStart.TryDequeue(out (string Name, string? PayloadJson) held))
        {
            yield return held;
        }
    }
}
