namespace SmartRetry.Functions.Webhooks;

/// <summary>A webhook event as stored for deduplication and audit: the raw body exactly as received plus its processing state.</summary>
/// <param name="ClaimedAt">When the delivery now processing it claimed it; a stale claim (its delivery died) may be taken over.</param>
/// <param name="RawBody">The body as received (UTF-8), cut at <see cref="MaxStoredBodyLength"/> characters.</param>
public sealed record StoredWebhookEvent(
    string EventId,
    string Type,
    DateTimeOffset CreatedAt,
    DateTimeOffset ReceivedAt,
    string RawBody,
    WebhookEventState State,
    DateTimeOffset ClaimedAt,
    string? InstanceId = null)
{
    /// <summary>Azure Tables holds at most 64 KiB per string property (32K UTF-16 characters).</summary>
    public const int MaxStoredBodyLength = 32_000;

    /// <summary>The store's concurrency token (ETag) of the version read; null for an event not yet stored.</summary>
    public string? Version { get; init; }

    public bool RawBodyTruncated { get; init; }
}
