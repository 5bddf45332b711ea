namespace SmartRetry.Functions.Webhooks;

/// <summary>Received webhook events, deduplicated on the event id (insert-if-absent) and kept for audit.</summary>
public interface IWebhookEventStore
{
    Task<WebhookEventClaim> TryAddAsync(StoredWebhookEvent webhookEvent, CancellationToken cancellationToken);

    /// <summary>Re-claims an event whose processing delivery died; succeeds for exactly one caller (ETag), else null.</summary>
    Task<StoredWebhookEvent?> TryTakeOverAsync(StoredWebhookEvent stale, DateTimeOffset claimedAt, CancellationToken cancellationToken);

    /// <summary>Records how processing ended; false when the event changed since <paramref name="claimed"/> was read.</summary>
    Task<bool> SetStateAsync(StoredWebhookEvent claimed, WebhookEventState state, string? instanceId, CancellationToken cancellationToken);

    /// <summary>Gives up a claim after a failure, so the next delivery processes the event at once.</summary>
    Task ReleaseAsync(StoredWebhookEvent claimed, CancellationToken cancellationToken);

    Task<StoredWebhookEvent?> GetAsync(string eventId, CancellationToken cancellationToken);

    /// <summary>Deletes the events received before <paramref name="before"/>; returns how many.</summary>
    Task<int> PurgeReceivedBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
