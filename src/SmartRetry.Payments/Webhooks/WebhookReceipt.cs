namespace SmartRetry.Payments.Webhooks;

/// <summary>The <c>200</c> body of a webhook delivery: what became of the event.</summary>
public sealed record WebhookReceipt(string EventId, WebhookOutcome Outcome);

public enum WebhookOutcome
{
    Raised,
    Pending,
    InstanceFinished,
    Ignored,
    Unroutable,

    /// <summary>Seen before (or being processed by another delivery right now): nothing was done again.</summary>
    Duplicate,
}
