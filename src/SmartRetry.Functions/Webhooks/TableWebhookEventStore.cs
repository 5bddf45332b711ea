using Azure;
using Azure.Data.Tables;
using SmartRetry.Functions.Shared.Storage;

namespace SmartRetry.Functions.Webhooks;

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
