namespace SmartRetry.Functions.Webhooks;

/// <summary>Where a received webhook event stands.</summary>
public enum WebhookEventState
{
    /// <summary>Claimed by a delivery that is processing it (or died doing so: see the claim time).</summary>
    Received,

    /// <summary>Raised into its orchestration instance.</summary>
    Raised,

    /// <summary>No instance yet: kept as a pending orchestration event for the instance to pick up.</summary>
    Pending,

    /// <summary>Its instance has already finished; stored for audit only.</summary>
    InstanceFinished,

    /// <summary>Its instance had finished with the payment unresolved; handed to the reconciler, which applies it.</summary>
    Reconciling,

    /// <summary>A type we do not handle; stored and acknowledged.</summary>
    Ignored,

    /// <summary>A known type without the id needed to route it; stored for audit.</summary>
    Unroutable,
}
