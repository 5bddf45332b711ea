using Microsoft.Extensions.Logging;

namespace SmartRetry.Payments.Workflows;

/// <summary>
/// What a workflow may do. Workflows are replayed from recorded history, so everything here is deterministic:
/// time, ids and randomness come from the context, and every side effect goes through an activity.
/// Names mirror Durable Task's <c>TaskOrchestrationContext</c> so the host's adapter is one obvious class.
/// </summary>
public interface IWorkflowContext
{
    string InstanceId { get; }

    /// <summary>The replay-safe current time (UTC). Never use the system clock in workflow code.</summary>
    DateTime CurrentUtcDateTime { get; }

    bool IsReplaying { get; }

    Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, ActivityRetryPolicy? retry = null);

    Task CallActivityAsync(string name, object? input = null, ActivityRetryPolicy? retry = null);

    /// <summary>Runs a child workflow under a chosen instance id, so that events (webhooks) can be addressed to it.</summary>
    Task<TResult> CallSubWorkflowAsync<TResult>(string name, string instanceId, object? input = null);

    /// <summary>A durable timer. Cancel the token when another branch of a <c>Task.WhenAny</c> wins.</summary>
    Task CreateTimer(DateTime fireAtUtc, CancellationToken cancellationToken);

    /// <summary>
    /// Waits for an event raised from outside. Events that arrive before the wait are buffered per name.
    /// A workflow keeps one long-lived wait per event name instead of cancelling and re-creating it: Durable Task 1.25.0
    /// let a cancelled wait swallow the next event of its name, and no version promises which of two waits is served.
    /// </summary>
    Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default);

    /// <summary>Shown to operators and API callers; must never contain card data.</summary>
    void SetCustomStatus(object? customStatus);

    /// <summary>Restarts the workflow with compact state; buffered events are carried over. Return right after calling it.</summary>
    void ContinueAsNew(object? newInput);

    /// <summary>A deterministic, replay-safe GUID.</summary>
    Guid NewGuid();

    /// <summary>A logger that drops messages while the workflow is replaying.</summary>
    ILogger CreateReplaySafeLogger(string categoryName);
}
