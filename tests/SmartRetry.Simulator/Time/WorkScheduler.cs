using Microsoft.Extensions.Logging;

namespace SmartRetry.Simulator.Time;

/// <summary>
/// Work due at simulated times (webhook deliveries, SmartRetry retries, scheduled charges). Items run one at a time,
/// in due order, with the clock moved to each item's due time first, so what they record is dated correctly.
/// </summary>
public sealed partial class WorkScheduler(SimulatorClock clock, ILogger<WorkScheduler> logger) : IDisposable
{
    private readonly Lock gate = new();
    private readonly PriorityQueue<WorkItem, (DateTimeOffset Due, long Sequence)> queue = new();
    private readonly SemaphoreSlim running = new(1, 1);
    private long sequence;
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when work is scheduled; the pump waits on it next to its timer.</summary>
    internal Task Changed
    {
        get
        {
            lock (gate)
            {
                return changed.Task;
            }
        }
    }

    public DateTimeOffset? NextDue
    {
        get
        {
            lock (gate)
            {
                return queue.TryPeek(out _, out (DateTimeOffset Due, long Sequence) priority) ? priority.Due : null;
            }
        }
    }

    public int Pending
    {
        get
        {
            lock (gate)
            {
                return queue.Count;
            }
        }
    }

    public void Schedule(DateTimeOffset due, string description, Func<CancellationToken, Task> work)
    {
        TaskCompletionSource wake;
        lock (gate)
        {
            queue.Enqueue(new WorkItem(description, work), (due, sequence++));
            wake = changed;
            changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        wake.TrySetResult();
    }

    public void Schedule(DateTimeOffset due, string description, Action work) =>
        Schedule(due, description, _ =>
        {
            work();
            return Task.CompletedTask;
        });

    public void Clear()
    {
        lock (gate)
        {
            queue.Clear();
        }
    }

    /// <summary>Runs every item due up to now (default) or up to <paramref name="until"/>, moving the clock there.</summary>
    public async Task<int> RunDueAsync(DateTimeOffset? until, CancellationToken cancellationToken)
    {
        await running.WaitAsync(cancellationToken);
        try
        {
            DateTimeOffset target = until ?? clock.UtcNow;
            int ran = 0;
            while (TryTakeDue(target, out WorkItem? item, out DateTimeOffset due))
            {
                clock.AdvanceTo(due);
                try
                {
                    await item.Work(cancellationToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    LogWorkFailed(exception, item.Description);
                }

                ran++;
            }

            clock.AdvanceTo(target);
            return ran;
        }
        finally
        {
            running.Release();
        }
    }

    private bool TryTakeDue(DateTimeOffset target, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out WorkItem? item, out DateTimeOffset due)
    {
        lock (gate)
        {
            if (queue.TryPeek(out item, out (DateTimeOffset Due, long Sequence) priority) && priority.Due <= target)
            {
                queue.Dequeue();
                due = priority.Due;
                return true;
            }

            item = null;
            due = default;
            return false;
        }
    }

    public void Dispose() => running.Dispose();

    [LoggerMessage(Level = LogLevel.Error, Message = "Simulator work '{Description}' failed")]
    private partial void LogWorkFailed(Exception exception, string description);

    private sealed record WorkItem(string Description, Func<CancellationToken, Task> Work);
}
