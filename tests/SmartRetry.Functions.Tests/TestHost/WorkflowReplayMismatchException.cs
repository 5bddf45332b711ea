namespace SmartRetry.Functions.Tests.TestHost;

/// <summary>An orchestration made a different decision when replayed against its own recorded history: its code is not deterministic.</summary>
public sealed class WorkflowReplayMismatchException : Exception
{
    public WorkflowReplayMismatchException()
    {
    }

    public WorkflowReplayMismatchException(string message)
        : base(message)
    {
    }

    public WorkflowReplayMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal WorkflowReplayMismatchException(WorkflowGeneration generation, ReplayMismatch mismatch)
        : base(Describe(generation, mismatch))
    {
        InstanceId = generation.Instance.InstanceId;
        Generation = generation.Number;
        HistoryIndex = mismatch.Index;
        Recorded = mismatch.Recorded;
        Replayed = mismatch.Replayed;
    }

    public string? InstanceId { get; }

    public int Generation { get; }

    /// <summary>Index of the first differing entry in the generation's history.</summary>
    public int HistoryIndex { get; }

    public WorkflowHistoryEvent? Recorded { get; }

    public WorkflowHistoryEvent? Replayed { get; }

    private static string Describe(WorkflowGeneration generation, ReplayMismatch mismatch) =>
        $"Workflow '{generation.Instance.WorkflowName}' instance '{generation.Instance.InstanceId}' (generation {generation.Number}) "
        + $"made a different decision on replay at history entry #{mismatch.Index}: "
        + $"recorded {mismatch.Recorded?.ToString() ?? "nothing (the recorded run stopped here)"}, "
        + $"replay {(mismatch.Replayed is null ? "made no such decision" : $"made {mismatch.Replayed}")}. "
        + "Workflow code must be deterministic: use TaskOrchestrationContext.CurrentUtcDateTime and NewGuid, and put DateTime.UtcNow, "
        + "Guid.NewGuid, Random, static state and I/O in activities.";
}
