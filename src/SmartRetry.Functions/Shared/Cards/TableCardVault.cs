using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using SmartRetry.Functions.Shared.Serialization;
using SmartRetry.Functions.Shared.Storage;

namespace SmartRetry.Functions.Shared.Cards;

/// <summary>
/// The card vault on Azure Tables (<c>{prefix}Cards</c>): one row per reference, holding either the sealed card
/// (AES-256-GCM, bound to the reference) or, once SmartRetry has answered, that answer and no card. Replacing the row
/// is what deletes the card: Azure Tables keeps no earlier version of an entity.
/// </summary>
public sealed class TableCardVault(PaymentsTables tables, ICardSealer sealer, TimeProvider timeProvider) : ICardVault
{
    /// <summary>How long an answer is kept for the retries of the activity that got it: far longer than any retry policy runs.</summary>
    public static readonly TimeSpan AnswerRetention = TimeSpan.FromDays(2);

    private const string Scope = "card";

    public async Task HoldAsync(string reference, CardDetails card, DateTimeOffset heldUntil, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(reference);
        ArgumentNullException.ThrowIfNull(card);
        SealedCard sealedCard = sealer.Seal(card, boundTo: reference);
        TableClient table = await tables.GetAsync(PaymentsTable.Cards, cancellationToken);
        await table.UpsertEntityAsync(
            new TableEntity(TableKeys.Partition(Scope, reference), TableKeys.Row(reference))
            {
                ["Reference"] = reference,
                ["KeyId"] = sealedCard.KeyId,
                ["Envelope"] = sealedCard.Envelope,
                ["WithCvv"] = card.Cvv is not null,
                ["HeldAt"] = timeProvider.GetUtcNow(),
                ["ExpiresAt"] = heldUntil,
            },
            TableUpdateMode.Replace,
            cancellationToken);
    }

    public async Task<HeldCard<TAnswer>> OpenAsync<TAnswer>(string reference, CancellationToken cancellationToken)
        where TAnswer : class
    {
        ArgumentException.ThrowIfNullOrEmpty(reference);
        TableClient table = await tables.GetAsync(PaymentsTable.Cards, cancellationToken);
        NullableResponse<TableEntity> row = await table.GetEntityIfExistsAsync<TableEntity>(
            TableKeys.Partition(Scope, reference), TableKeys.Row(reference), cancellationToken: cancellationToken);
        if (!row.HasValue)
        {
            return new HeldCard<TAnswer>(null, null);
        }

        TableEntity entity = row.Value!;
        if (entity.GetString("Answer") is { } answer)
        {
            return new HeldCard<TAnswer>(null, JsonSerializer.Deserialize<TAnswer>(answer, PaymentsJson.Options));
        }

        return entity.GetString("Envelope") is { } envelope
            ? new HeldCard<TAnswer>(sealer.Unseal(new SealedCard(entity.GetString("KeyId") ?? "", envelope), boundTo: reference), null)
            : new HeldCard<TAnswer>(null, null);
    }

    public async Task RecordAnswerAsync<TAnswer>(string reference, TAnswer answer, CancellationToken cancellationToken)
        where TAnswer : class
    {
        ArgumentException.ThrowIfNullOrEmpty(reference);
        ArgumentNullException.ThrowIfNull(answer);
        DateTimeOffset now = timeProvider.GetUtcNow();
        TableClient table = await tables.GetAsync(PaymentsTable.Cards, cancellationToken);
        await table.UpsertEntityAsync(
            new TableEntity(TableKeys.Partition(Scope, reference), TableKeys.Row(reference))
            {
                ["Reference"] = reference,
                ["Answer"] = JsonSerializer.Serialize(answer, PaymentsJson.Options),
                ["AnsweredAt"] = now,
                ["ExpiresAt"] = now + AnswerRetention,
            },
            TableUpdateMode.Replace,
            cancellationToken);
    }

    public async Task ForgetAsync(string reference, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(reference);
        TableClient table = await tables.GetAsync(PaymentsTable.Cards, cancellationToken);

        // Deleting a row that is not there is a 404 the SDK reports as a response, not an exception.
        await table.DeleteEntityAsync(TableKeys.Partition(Scope, reference), TableKeys.Row(reference), ETag.All, cancellationToken);
    }

    public async Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        TableClient table = await tables.GetAsync(PaymentsTable.Cards, cancellationToken);
        return await table.DeleteOlderThanAsync("ExpiresAt", now, cancellationToken);
    }
}
