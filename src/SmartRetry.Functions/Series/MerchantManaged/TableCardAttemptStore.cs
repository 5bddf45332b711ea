using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using SmartRetry.Functions.Shared.Serialization;
using SmartRetry.Functions.Shared.Storage;

namespace SmartRetry.Functions.Series.MerchantManaged;

/// <summary>
/// The per-card attempt window on Azure Tables: one row per card fingerprint holding its <see cref="CardAttemptLog"/>
/// as JSON. Every change is read, decide, then insert-if-absent or replace under the ETag read; a writer that lost the
/// race re-reads and decides again, so two series reserving the last slot at once cannot both get it. The row stays
/// small: attempts older than 31 days are dropped on each reservation, and no more than the limit count at any time.
/// </summary>
public sealed class TableCardAttemptStore(PaymentsTables tables) : ICardAttemptStore
{
    private const string Scope = "card";
    private const string AttemptsColumn = "Attempts";
    private const int MaxConcurrencyRetries = 20;

    public async Task<bool> TryReserveAsync(string cardFingerprint, string attemptId, DateTime atUtc, int maxAttempts, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(attemptId);
        ArgumentOutOfRangeException.ThrowIfNegative(maxAttempts);
        return await UpdateAsync(cardFingerprint, log => log.TryReserve(attemptId, atUtc, maxAttempts), cancellationToken) is not null;
    }

    public async Task ReleaseAsync(string cardFingerprint, string attemptId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(attemptId);
        await UpdateAsync(cardFingerprint, log => log.Release(attemptId), cancellationToken);
    }

    /// <summary>Applies <paramref name="change"/> to the card's current log and stores the result; returns it, or null when the change refused.</summary>
    private async Task<CardAttemptLog?> UpdateAsync(string cardFingerprint, Func<CardAttemptLog, CardAttemptLog?> change, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(cardFingerprint);
        TableClient table = await tables.GetAsync(PaymentsTable.CardAttempts, cancellationToken);
        string partitionKey = TableKeys.Partition(Scope, cardFingerprint);
        string rowKey = TableKeys.Row(cardFingerprint);
        for (int attempt = 0; attempt < MaxConcurrencyRetries; attempt++)
        {
            NullableResponse<TableEntity> row = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken);
            CardAttemptLog current = row.HasValue ? Read(row.Value!) : CardAttemptLog.Empty;
            CardAttemptLog? next = change(current);
            if (next is null || ReferenceEquals(next, current))
            {
                return next;
            }

            var entity = new TableEntity(partitionKey, rowKey) { [AttemptsColumn] = JsonSerializer.Serialize(next.Attempts, PaymentsJson.Options) };
            string? written = row.HasValue
                ? await table.TryReplaceIfUnchangedAsync(entity, row.Value!.ETag.ToString(), cancellationToken)
                : await table.TryInsertAsync(entity, cancellationToken);
            if (written is not null)
            {
                return next;
            }
        }

        // The activity's retry policy tries again later; the attempt is not sent meanwhile.
        throw new InvalidOperationException($"A card's attempt window stayed contended for {MaxConcurrencyRetries} tries.");
    }

    private static CardAttemptLog Read(TableEntity entity) =>
        new(JsonSerializer.Deserialize<List<CardAttempt>>(entity.GetString(AttemptsColumn) ?? "[]", PaymentsJson.Options) ?? []);
}
