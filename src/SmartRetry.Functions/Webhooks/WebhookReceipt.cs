namespace SmartRetry.Functions.Webhooks;

/// <summary>The <c>200</c> body of a webhook delivery: what became of the event.</summary>
public sealed record WebhookReceipt(string EventId, WebhookOutcome Outcome);

public enum WebhookOutcome
{
    Raised,
    Pending,
    InstanceFinished,

    /// <summary>
    /// Its payment's orchestration had ended with the payment unresolved: the event is news the reconciler confirms with a
    /// status read and applies, promptly.
    /// </summary>
    Reconciling,
    Ignored,
    Unroutable,

    /// <summary>Seen before (or being processed by another delivery right now): nothing was done again.</summary>
    Duplicate,
}
