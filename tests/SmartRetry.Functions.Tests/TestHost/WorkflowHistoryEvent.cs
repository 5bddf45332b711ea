namespace SmartRetry.Functions.Tests.TestHost;

/// <summary>
/// One entry of an orchestration generation's recorded history: either a decision the orchestration made or an input the host
/// delivered to it. Mirrors Durable's history (plus event waits and timer cancellations, so the replay check can name
/// them). Payloads are JSON written with <c>PaymentsJson.Options</c>, exactly as Durable would store them.
/// </summary>
/// <param name="Timestamp">The orchestration's <c>CurrentUtcDateTime</c> when the entry was recorded.</param>
public abstract record WorkflowHistoryEvent(DateTime Timestamp)
{
    /// <summary>True for what the orchestration decided; false for what the host delivered.</summary>
    public abstract bool IsDecision { get; }

    /// <summary>Every serialized payload and message the entry holds, for tests that search history for data that must not be there.</summary>
    public virtual IEnumerable<string> Payloads => [];

    protected static IEnumerable<string> Present(params string?[] values) => values.OfType<string>();
}

public sealed record ExecutionStarted(DateTime Timestamp, string WorkflowName, string InstanceId, string? InputJson) : WorkflowHistoryEvent(Timestamp)
{
    public override bool IsDecision => false;

    public override IEnumerable<string> Payloads => Present(InputJson);
}

public sealed record ActivityScheduled(DateTime Timestamp, int TaskId, string Name, string? InputJson) : WorkflowHistoryEvent(Timestamp)
{
    public override bool IsDecision => true;

    public override IEnumerable<string> Payloads => Present(InputJson);
}

public sealed record ActivityCompleted(DateTime Timestamp, int TaskId, string? ResultJson) : WorkflowHistoryEvent(Timestamp)
{
    public override bool IsDecision => false;

    public override IEnumerable<string> Payloads => Present(ResultJson);
}

public sealed record ActivityFailed(DateTime Timestamp, int TaskId, string ErrorType, string ErrorMessage) : WorkflowHistoryEvent(Timestamp)
{
    public override bool IsDecision => false;

    public override IEnumerable<string> Payloads => Present(ErrorMessage);
}

public sealed record TimerCreated(DateTime Timestamp, int TaskId, DateTime FireAt) : WorkflowHistoryEvent(Timestamp)
{
    public override bool IsDecision => true;
}

public sealed record TimerFired(DateTime Timestamp, int TaskId) : WorkflowHistoryEvent(Timestamp)
{
    public override bool IsDecision => false;
}

public sealed record TimerCancelled(DateTime Timestamp, int TaskId) : WorkflowHistoryEvent(Timestamp)
{
    public override bool IsDecision => true;
}

public sealed record EventWaitStarted(DateTime Timestamp, string Name) : WorkflowHistoryEvent(Timestamp)
{
    public override bool IsDecision => true;
}

public sealed record EventRaised(DateTime Timestamp, string Name, string? PayloadJson) : WorkflowHistoryEvent(Timestamp)
{
    public override bool IsDecision => false;

    public override IEnumerable<string> Payloads => Present(PayloadJson);
}

public sealed record SubWorkflowScheduled(DateTime Timestamp, int TaskId, string Name, string InstanceId, string? InputJson) : WorkflowHistoryEvent(Timestamp)
{
    public override bool IsDecision => true;

    public override IEnumerable<string> Payloads => Present(InputJson);
}

public sealed record SubWorkflowCompleted(DateTime Timestamp, int TaskId, string? OutputJson) : WorkflowHistoryEvent(Timestamp)
{
    public override bool IsDecision => false;

    public override IEnumerable<string> Payloads => Present(OutputJson);
}

public sealed record SubWorkflowFailed(DateTime Timestamp, int TaskId, string ErrorType, string ErrorMessage) : WorkflowHistoryEvent(Timestamp)
{
    public override bool IsDecision => false;

    public override IEnumerable<string> Payloads => Present(ErrorMessage);
}

public sealed record CustomStatusSet(DateTime Timestamp, string? StatusJson) : WorkflowHistoryEvent(Timestamp)
{
    public override bool IsDecision => true;

    public override IEnumerable<string> Payloads => Present(StatusJson);
}

public sealed record ExecutionCompleted(DateTime Timestamp, string? OutputJson) : WorkflowHistoryEvent(Timestamp)
{
    public override bool IsDecision => true;

    public override IEnumerable<string> Payloads => Present(OutputJson);
}

public sealed record ExecutionFailed(DateTime Timestamp, string ErrorType, string ErrorMessage) : WorkflowHistoryEvent(Timestamp)
{
    public override bool IsDecision => true;

    public override IEnumerable<string> Payloads => Present(ErrorMessage);
}

public sealed record ContinuedAsNewWithInput(DateTime Timestamp, string? InputJson) : WorkflowHistoryEvent(Timestamp)
{
    public override bool IsDecision => true;

    public override IEnumerable<string> Payloads => Present(InputJson);
}
