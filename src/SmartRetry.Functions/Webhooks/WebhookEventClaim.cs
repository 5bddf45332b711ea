namespace SmartRetry.Functions.Webhooks;

/// <summary>The answer to storing an event: <paramref name="IsNew"/> for the first delivery, which must process it.</summary>
public sealed record WebhookEventClaim(bool IsNew, StoredWebhookEvent Event);
