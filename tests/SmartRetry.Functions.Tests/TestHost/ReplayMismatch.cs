namespace SmartRetry.Functions.Tests.TestHost;

/// <summary>The first history entry where a replay departed from the recorded run; either side is null when it has no entry there.</summary>
internal sealed record ReplayMismatch(int Index, WorkflowHistoryEvent? Recorded, WorkflowHistoryEvent? Replayed);
