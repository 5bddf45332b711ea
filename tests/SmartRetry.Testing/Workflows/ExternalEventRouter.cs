using System.Text.Json;

namespace SmartRetry.Testing.Workflows;

/// <summary>
/// Hands raised events to waiters exactly as Durable Task 1.25.0 does (TaskOrchestrationContextWrapper): names match
/// ignoring case; an event nobody waits for is buffered FIFO per name; the newest waiter of a name is served first;
/// and a waiter that was cancelled stays registered, so it swallows the next event of its name (the lost-event bug,
/// functions-api.md §8). Reproducing the bug is deliberate: a workflow that passes here is safe on that version.
/// </summary>
internal sealed class ExternalEventRouter
{
    private readonly Dictionary<string, IEventWaiter> newestWaiters = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(string Name, string? PayloadJson)> buffered = [];

    public Task<T> Wait<T>(string name, CancellationToken cancellationToken)
    {
        var waiter = new EventWaiter<T>();
        if (newestWaiters.TryGetValue(name, out IEventWaiter? existing))
        {
            if (existing.EventType != typeof(T))
            {
                throw new ArgumentException(
                    $"Events named '{name}' are already awaited as {existing.EventType.FullName}, not {typeof(T).FullName}; all waits on one name must use the same type.");
            }

            waiter.Next = existing;
        }

        newestWaiters[name] = waiter;
        int index = buffered.FindIndex(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));
        if (index >= 0)
        {
            string? payload = buffered[index].PayloadJson;
            buffered.RemoveAt(index);
            Deliver(name, payload);
        }

        cancellationToken.Register(() => waiter.TrySetCanceled(cancellationToken));
        return waiter.Task;
    }

    /// <summary>Delivers to the newest waiter or buffers. Returns false when a cancelled waiter swallowed the event.</summary>
    public bool Deliver(string name, string? payloadJson)
    {
        if (!newestWaiters.TryGetValue(name, out IEventWaiter? waiter))
        {
            buffered.Add((name, payloadJson));
            return true;
        }

        if (waiter.Next is null)
        {
            newestWaiters.Remove(name);
        }
        else
        {
            newestWaiters[name] = waiter.Next;
        }

        return waiter.TryComplete(payloadJson);
    }

    /// <summary>Takes every buffered event in arrival order, for ContinueAsNew to carry into the next generation.</summary>
    public IReadOnlyList<(string Name, string? PayloadJson)> TakeBuffered()
    {
        var all = buffered.ToList();
        buffered.Clear();
        return all;
    }

    private interface IEventWaiter
    {
        Type EventType { get; }

        IEventWaiter? Next { get; }

        bool TryComplete(string? payloadJson);
    }

    private sealed class EventWaiter<T> : TaskCompletionSource<T>, IEventWaiter
    {
        public Type EventType => typeof(T);

        public IEventWaiter? Next { get; set; }

        public bool TryComplete(string? payloadJson)
        {
            if (Task.IsCompleted)
            {
                return false;
            }

            try
            {
                return TrySetResult(WorkflowJson.Deserialize<T>(payloadJson)!);
            }
            catch (JsonException e)
            {
                return TrySetException(e);
            }
        }
    }
}
