namespace SmartRetry.Functions.Tests.TestHost;

/// <summary>One execution of an instance: the first run, or a run started by ContinueAsNew, with its own fresh history.</summary>
public sealed class WorkflowGeneration : IWorkflowExecutionObserver
{
    private readonly WorkflowTestHost host;
    private WorkflowExecution? execution;
    private bool abandoned;

    internal WorkflowGeneration(WorkflowTestHost host, WorkflowTestInstance instance, int number, string? inputJson, DateTime startedAt)
    {
        this.host = host;
        Instance = instance;
        Number = number;
        InputJson = inputJson;
        StartedAt = startedAt;
    }

    public WorkflowTestInstance Instance { get; }

    /// <summary>1 for the first run; each ContinueAsNew adds one.</summary>
    public int Number { get; }

    public string? InputJson { get; }

    public DateTime StartedAt { get; }

    public IReadOnlyList<WorkflowHistoryEvent> History => execution?.History ?? [];

    public bool IsFinished => abandoned || execution?.IsFinished == true;

    internal string? Violation => execution?.Violation;

    internal void Start(WorkflowRegistration workflow) =>
        execution = WorkflowExecution.StartLive(workflow, Instance.InstanceId, InputJson, StartedAt, this, host.CreateWorkflowLoggers(Instance.InstanceId));

    /// <summary>Delivers an input unless the generation has finished (Durable drops late results the same way).</summary>
    internal void Deliver(WorkflowHistoryEvent input)
    {
        if (!IsFinished)
        {
            execution!.Deliver(input);
            host.MarkChanged(this);
        }
    }

    internal void Abandon() => abandoned = true;

    internal IReadOnlyList<(string Name, string? PayloadJson)> TakeBufferedEvents() => execution!.TakeBufferedEvents();

    void IWorkflowExecutionObserver.OnDecision(WorkflowHistoryEvent decision) => host.OnDecision(this, decision);

    void IWorkflowExecutionObserver.OnEventSwallowed(EventRaised raised) =>
        host.OnEventSwallowed(new SwallowedEvent(Instance.InstanceId, raised.Name, raised.PayloadJson, raised.Timestamp));
}
