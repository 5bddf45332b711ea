using Azure;
using Azure.Data.Tables;
using SmartRetry.Functions.Shared.Storage;

namespace SmartRetry.Functions.Shared.Idempotency;

/// <summary>Idempotency records on Azure Tables: insert-if-absent to claim, ETag-conditional updates for everything after.</summary>
public sealed class TableIdempotencyStore(PaymentsTables tables) : IIdempotencyStore
{
    private const string Scope = "request";

    public async Task<IdempotencyClaim> ClaimAsync(IdempotencyRecord candidate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        TableClient table = await tables.GetAsync(PaymentsTable.Idempotency, cancellationToken);
        if (await table.TryInsertAsync(ToEntity(candidate), cancellationToken) is { } version)
        {
            return new IdempotencyClaim(IsNew: true, candidate with { Version = version });
        }

        IdempotencyRecord existing = await GetAsync(candidate.Key, cancellationToken)
            ?? throw new InvalidOperationException($"The idempotency record {candidate.Key} conflicted but cannot be read.");
        return new IdempotencyClaim(IsNew: false, existing);
    }

    public async Task<IdempotencyRecord?> TryTakeOverAsync(IdempotencyRecord stale, DateTimeOffset claimedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stale);
        IdempotencyRecord next = stale with { ClaimedAt = claimedAt, State = IdempotencyState.Claimed };
        string? version = await TryReplaceAsync(stale, next, cancellationToken);
        return version is null ? null : next with { Version = version };
    }

    public async Task<bool> CompleteAsync(IdempotencyRecord claimed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        return await TryReplaceAsync(claimed, claimed with { State = IdempotencyState.Completed }, cancellationToken) is not null;
    }

    public async Task ReleaseAsync(IdempotencyRecord claimed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        await TryReplaceAsync(claimed, claimed with { ClaimedAt = DateTimeOffset.UnixEpoch }, cancellationToken);
    }

    public async Task<bool> ForgetAsync(IdempotencyRecord claimed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        if (claimed.Version is null)
        {
            throw new ArgumentException("Only a record read from the store can be forgotten.", nameof(claimed));
        }

        TableClient table = await tables.GetAsync(PaymentsTable.Idempotency, cancellationToken);
        try
        {
            await table.DeleteEntityAsync(TableKeys.Partition(Scope, claimed.Key), TableKeys.Row(claimed.Key), new ETag(claimed.Version), cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status is 404 or 412)
        {
            return false;
        }
    }

    public async Task<IdempotencyRecord?> GetAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        TableClient table = await tables.GetAsync(PaymentsTable.Idempotency, cancellationToken);
        NullableResponse<TableEntity> row = await table.GetEntityIfExistsAsync<TableEntity>(
            TableKeys.Partition(Scope, key), TableKeys.Row(key), cancellationToken: cancellationToken);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    private async Task<string?> TryReplaceAsync(IdempotencyRecord read, IdempotencyRecord next, CancellationToken cancellationToken)
    {
        if (read.Version is null)
        {
            throw new ArgumentException("Only a record read from the store can be updated.", nameof(read));
        }

        TableClient table = await tables.GetAsync(PaymentsTable.Idempotency, cancellationToken);
        return await table.TryReplaceIfUnchangedAsync(ToEntity(next), read.Version, cancellationToken);
    }

    private static TableEntity ToEntity(IdempotencyRecord record) => new(TableKeys.Partition(Scope, record.Key), TableKeys.Row(record.Key))
    {
        ["Key"] = record.Key,
        ["RequestHash"] = record.RequestHash,
        ["HashKeyId"] = record.HashKeyId,
        ["InstanceId"] = record.InstanceId,
        ["State"] = record.State.ToString(),
        ["ClaimedAt"] = record.ClaimedAt,
    };

    private static IdempotencyRecord FromEntity(TableEntity entity) => new(
        entity.GetString("Key"),
        entity.GetString("RequestHash"),
        entity.GetString("HashKeyId"),
        entity.GetString("InstanceId"),
        Enum.Parse<IdempotencyState>(entity.GetString("State")),
        entity.GetDateTimeOffset("ClaimedAt") ?? DateTimeOffset.MinValue)
    {
        Version = entity.ETag.ToString(),
    };
}
