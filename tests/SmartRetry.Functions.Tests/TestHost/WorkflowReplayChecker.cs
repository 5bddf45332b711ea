namespace SmartRetry.Functions.Tests.TestHost;

/// <summary>
/// Re-runs a generation from its start against its recorded history, the way Durable replays an orchestrator, and
/// throws <see cref="WorkflowReplayMismatchException"/> at the first decision that differs.
/// </summary>
internal static class WorkflowReplayChecker
{
    public static void Verify(WorkflowRegistration workflow, WorkflowGeneration generation)
    {
        IReadOnlyList<WorkflowHistoryEvent> recorded = [.. generation.History];
        if (recorded.Count == 0)
        {
            return;
        }

        WorkflowExecution replay = WorkflowExecution.StartReplay(workflow, recorded);
        for (int i = 1; i < recorded.Count && replay.Mismatch is null; i++)
        {
            if (recorded[i].IsDecision)
            {
                continue;
            }

            // Every decision recorded before this input must have been made again before it is delivered.
            if (replay.History.Count < i)
            {
                throw new WorkflowReplayMismatchException(generation, new ReplayMismatch(replay.History.Count, recorded[replay.History.Count], Replayed: null));
            }

            replay.Deliver(recorded[i]);
        }

        ReplayMismatch? mismatch = replay.Mismatch
            ?? (replay.History.Count < recorded.Count ? new ReplayMismatch(replay.History.Count, recorded[replay.History.Count], Replayed: null) : null);
        if (mismatch is not null)
        {
            throw new WorkflowReplayMismatchException(generation, mismatch);
        }
    }
}
