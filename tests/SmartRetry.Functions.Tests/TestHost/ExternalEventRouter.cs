using System.Text.Json;

namespace SmartRetry.Functions.Tests.TestHost;

/// <summary>
/// Hands raised events to waiters as Durable Task 1.28.0 does (TaskOrchestrationContextWrapper): names match ignoring
/// case; an event nobody waits for is buffered FIFO per name; the newest waiter of a name is served first; a waiter
/// that was cancelled is passed over, so its name's next event goes to a live waiter or the buffer. Checked against the
/// real worker (1.27.0 and 1.28.0, in Microsoft.DurableTask.InProcessTestHost): the 1.25.0 lost-event bug, where a
/// cancelled waiter swallowed the next event (functions-api.md §8), is gone, and newest-first still holds.
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

    /// <summary>Delivers to the newest live waiter or buffers. Returns false only if the event could not be handed over.</summary>
    public bool Deliver(string name, string? payloadJson)
    {
        while (newestWaiters.TryGetValue(name, out IEventWaiter? waiter))
        {
            if (waiter.Next is null)
            {
                newestWaiters.Remove(name);
            }
            else
            {
                newestWaiters[name] = waiter.Next;
            }

            if (!waiter.IsCancelled)
            {
                return waiter.TryComplete(payloadJson);
            }
        }

        buffered.Add((name, payloadJson));
        return true;
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

        bool IsCancelled { get; }

        IEventWaiter? Next { get; }

        bool TryComplete(string? payloadJson);
    }

    private sealed class EventWaiter<T> : TaskCompletionSource<T>, IEventWaiter
    {
        public Type EventType => typeof(T);

        public bool IsCancelled => Task.IsCanceled;

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
