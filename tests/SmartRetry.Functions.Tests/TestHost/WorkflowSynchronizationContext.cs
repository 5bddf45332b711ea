namespace SmartRetry.Functions.Tests.TestHost;

/// <summary>
/// Runs an orchestration's continuations on one logical thread, only while the host pumps it, as Durable's orchestrator
/// thread does. A continuation posted from any other thread means the orchestration awaited something that is not a
/// orchestration task (Task.Delay, Task.Run, I/O, ConfigureAwait(false)); it is refused and reported.
/// </summary>
internal sealed class WorkflowSynchronizationContext : SynchronizationContext
{
    private readonly Queue<(SendOrPostCallback Callback, object? State)> queue = new();
    private readonly Lock gate = new();
    private int pumpingThreadId;

    /// <summary>Set when a continuation arrived from outside the orchestration's thread.</summary>
    public string? Violation { get; private set; }

    public override void Post(SendOrPostCallback d, object? state)
    {
        lock (gate)
        {
            if (pumpingThreadId != Environment.CurrentManagedThreadId)
            {
                Violation ??= "The workflow awaited a task that does not come from its TaskOrchestrationContext (Task.Delay, Task.Run, I/O or "
                    + "ConfigureAwait(false)); Durable rejects this with \"An invalid asynchronous invocation was detected\".";
                return;
            }

            queue.Enqueue((d, state));
        }
    }

    /// <summary>True while the host pumps this orchestration on the calling thread.</summary>
    public bool IsWorkflowThread
    {
        get
        {
            lock (gate)
            {
                return pumpingThreadId == Environment.CurrentManagedThreadId;
            }
        }
    }

    public void ReportViolation(string violation)
    {
        lock (gate)
        {
            Violation ??= violation;
        }
    }

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("Workflow code runs on one logical thread; synchronous dispatch is not supported.");

    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Runs <paramref name="action"/> and then every continuation it releases, until the orchestration is idle.</summary>
    public void Run(Action action)
    {
        SynchronizationContext? previous = Current;
        SetSynchronizationContext(this);
        lock (gate)
        {
            pumpingThreadId = Environment.CurrentManagedThreadId;
        }

        try
        {
            action();
            while (TryDequeue(out (SendOrPostCallback Callback, object? State) next))
            {
                next.Callback(next.State);
            }
        }
        finally
        {
            lock (gate)
            {
                pumpingThreadId = 0;
            }

            SetSynchronizationContext(previous);
        }
    }

    private bool TryDequeue(out (SendOrPostCallback Callback, object? State) next)
    {
        lock (gate)
        {
            return queue.TryDequeue(out next);
        }
    }
}
