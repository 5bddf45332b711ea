using System.Text.Json;

namespace SmartRetry.Functions.Tests.TestHost;

internal enum PendingTaskKind
{
    Activity,
    Timer,
    SubWorkflow,
}

/// <summary>A durable task the orchestration awaits until the host delivers its outcome.</summary>
internal abstract class PendingWorkflowTask(PendingTaskKind kind, string name)
{
    public PendingTaskKind Kind => kind;

    public string Name => name;

    public abstract bool IsCompleted { get; }

    public abstract void Complete(string? resultJson);

    public abstract void Fail(Exception exception);

    public abstract void Cancel(CancellationToken cancellationToken);
}

internal sealed class PendingWorkflowTask<T>(PendingTaskKind kind, string name) : PendingWorkflowTask(kind, name)
{
    private readonly TaskCompletionSource<T> completion = new();

    public Task<T> Task => completion.Task;

    public override bool IsCompleted => completion.Task.IsCompleted;

    public override void Complete(string? resultJson)
    {
        try
        {
            completion.TrySetResult(WorkflowJson.Deserialize<T>(resultJson)!);
        }
        catch (JsonException e)
        {
            completion.TrySetException(e);
        }
    }

    public override void Fail(Exception exception) => completion.TrySetException(exception);

    public override void Cancel(CancellationToken cancellationToken) => completion.TrySetCanceled(cancellationToken);
}
