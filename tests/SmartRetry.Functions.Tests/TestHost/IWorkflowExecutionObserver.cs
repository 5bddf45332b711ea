namespace SmartRetry.Functions.Tests.TestHost;

/// <summary>How a live execution tells the host what to do; a replay has no observer, so it causes no side effects.</summary>
internal interface IWorkflowExecutionObserver
{
    void OnDecision(WorkflowHistoryEvent decision);

    void OnEventSwallowed(EventRaised raised);
}
