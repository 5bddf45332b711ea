using Microsoft.DurableTask;

namespace SmartRetry.Functions.Shared.Durable;

/// <summary>
/// The one way orchestrations wait for events: one long-lived wait per event name, awaited through <see cref="Next"/>, and
/// a new wait armed only after the previous one completed. Some Durable Task versions (1.25.0) let a cancelled wait
/// swallow the next event of its name, so these waits are never cancelled; one left pending when an orchestration (or a
/// generation) ends simply ends with it.
/// </summary>
public sealed class ExternalEventInbox<T>(TaskOrchestrationContext context, string eventName)
{
    public Task<T> Next { get; private set; } = context.WaitForExternalEvent<T>(eventName);

    /// <summary>
    /// Before a generation ends with <c>ContinueAsNew</c>: the event that completed the pending wait, if one did, without
    /// arming another. Durable carries only events no wait took into the next generation; one that completed a wait
    /// the orchestration never looked at is gone with the generation unless the orchestration carries it itself.
    /// </summary>
    public T? TakeArrivedBeforeContinuing() => Next.IsCompleted ? Next.Result : default;

    /// <summary>The completed event; arms the wait for the one after it.</summary>
    public T Take()
    {
        if (!Next.IsCompleted)
        {
            throw new InvalidOperationException($"No '{eventName}' event has arrived yet.");
        }

        T received = Next.Result;
        Next = context.WaitForExternalEvent<T>(eventName);
        return received;
    }
}
