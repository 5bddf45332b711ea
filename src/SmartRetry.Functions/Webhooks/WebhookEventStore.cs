using Azure;
using Azure.Data.Tables;
using SmartRetry.Functions.Shared.Storage;

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

/// <summary>Webhook events on Azure Tables: one row per event id, inserted if absent, then changed only under its ETag.</summary>
public sealed class TableWebhookEventStore(PaymentsTables tables) : IWebhookEventStore
{
    private const string Scope = "event";

    public async Task<WebhookEventClaim> TryAddAsync(StoredWebhookEvent webhookEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhookEvent);
        TableClient table = await tables.GetAsync(PaymentsTable.WebhookEvents, cancellationToken);
        if (await table.TryInsertAsync(ToEntity(webhookEvent), cancellationToken) is { } version)
        {
            return new WebhookEventClaim(IsNew: true, webhookEvent with { Version = version });
        }

        StoredWebhookEvent existing = await GetAsync(webhookEvent.EventId, cancellationToken)
            ?? throw new InvalidOperationException($"Webhook event {webhookEvent.EventId} conflicted but cannot be read.");
        return new WebhookEventClaim(IsNew: false, existing);
    }

    public async Task<StoredWebhookEvent?> TryTakeOverAsync(StoredWebhookEvent stale, DateTimeOffset claimedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stale);
        StoredWebhookEvent next = stale with { State = WebhookEventState.Received, ClaimedAt = claimedAt };
        string? version = await TryReplaceAsync(stale, next, cancellationToken);
        return version is null ? null : next with { Version = version };
    }

    public async Task<bool> SetStateAsync(StoredWebhookEvent claimed, WebhookEventState state, string? instanceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        return await TryReplaceAsync(claimed, claimed with { State = state, InstanceId = instanceId ?? claimed.InstanceId }, cancellationToken) is not null;
    }

    public async Task ReleaseAsync(StoredWebhookEvent claimed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        await TryReplaceAsync(claimed, claimed with { State = WebhookEventState.Received, ClaimedAt = DateTimeOffset.UnixEpoch }, cancellationToken);
    }

    public async Task<StoredWebhookEvent?> GetAsync(string eventId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        TableClient table = await tables.GetAsync(PaymentsTable.WebhookEvents, cancellationToken);
        NullableResponse<TableEntity> row = await table.GetEntityIfExistsAsync<TableEntity>(
            TableKeys.Partition(Scope, eventId), TableKeys.Row(eventId), cancellationToken: cancellationToken);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    public async Task<int> PurgeReceivedBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        TableClient table = await tables.GetAsync(PaymentsTable.WebhookEvents, cancellationToken);
        return await table.DeleteOlderThanAsync("ReceivedAt", before, cancellationToken);
    }

    private async Task<string?> TryReplaceAsync(StoredWebhookEvent read, StoredWebhookEvent next, CancellationToken cancellationToken)
    {
        if (read.Version is null)
        {
            throw new ArgumentException("Only an event read from the store can be updated.", nameof(read));
        }

        TableClient table = await tables.GetAsync(PaymentsTable.WebhookEvents, cancellationToken);
        return await table.TryReplaceIfUnchangedAsync(ToEntity(next), read.Version, cancellationToken);
    }

    private static TableEntity ToEntity(StoredWebhookEvent stored) => new(TableKeys.Partition(Scope, stored.EventId), TableKeys.Row(stored.EventId))
    {
        ["EventId"] = stored.EventId,
        ["Type"] = stored.Type,
        ["CreatedAt"] = stored.CreatedAt,
        ["ReceivedAt"] = stored.ReceivedAt,
        ["RawBody"] = stored.RawBody,
        ["RawBodyTruncated"] = stored.RawBodyTruncated,
        ["State"] = stored.State.ToString(),
        ["ClaimedAt"] = stored.ClaimedAt,
        ["InstanceId"] = stored.InstanceId,
    };

    private static StoredWebhookEvent FromEntity(TableEntity entity) => new(
        entity.GetString("EventId"),
        entity.GetString("Type"),
        entity.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
        entity.GetDateTimeOffset("ReceivedAt") ?? DateTimeOffset.MinValue,
        entity.GetString("RawBody") ?? "",
        Enum.Parse<WebhookEventState>(entity.GetString("State")),
        entity.GetDateTimeOffset("ClaimedAt") ?? DateTimeOffset.MinValue,
        entity.GetString("InstanceId"))
    {
        Version = entity.ETag.ToString(),
        RawBodyTruncated = entity.GetBoolean("RawBodyTruncated") ?? false,
    };
}

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

/// <summary>The answer to storing an event: <paramref name="IsNew"/> for the first delivery, which must process it.</summary>
public sealed record WebhookEventClaim(bool IsNew, StoredWebhookEvent Event);

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
