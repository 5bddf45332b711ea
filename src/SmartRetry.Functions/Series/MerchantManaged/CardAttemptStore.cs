using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using SmartRetry.Functions.Shared.Serialization;
using SmartRetry.Functions.Shared.Series;
using SmartRetry.Functions.Shared.Storage;

namespace SmartRetry.Functions.Series.MerchantManaged;

/// <summary>
/// The per-card attempt window shared by every series that charges the same card (keyed by its fingerprint, never by
/// card data), so that together they stay within the card-network limit. See <see cref="CardAttemptLog"/> for the rule.
/// </summary>
public interface ICardAttemptStore
{
    /// <summary>
    /// Reserves a slot for the attempt before it is sent: true when allowed, false when the card already has
    /// <paramref name="maxAttempts"/> counted attempts in the 30 days before <paramref name="atUtc"/>. Idempotent per
    /// attempt id; of concurrent reservations for the last slot exactly one is granted.
    /// </summary>
    Task<bool> TryReserveAsync(string cardFingerprint, string attemptId, DateTime atUtc, int maxAttempts, CancellationToken cancellationToken);

    /// <summary>Marks a reserved attempt approved, so it no longer counts. Idempotent; an unknown attempt changes nothing.</summary>
    Task ReleaseAsync(string cardFingerprint, string attemptId, CancellationToken cancellationToken);
}

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

/// <summary>
/// Every recent attempt on one card, whichever series made it: the decision behind <see cref="ICardAttemptStore"/>.
/// The rule is <see cref="CardAttemptWindow"/>'s: an attempt is allowed only when fewer than the limit of attempts that
/// were not approved (declined, failed, unresolved or still in flight) fall at or after 30 days before it. Attempts at
/// later times (another orchestration's clock may run ahead) count too, so no closed 30-day window containing the new
/// attempt can exceed the limit. Compact: each reservation drops attempts older than the window plus a margin, and
/// approved ones after <see cref="ApprovedRetention"/>.
/// </summary>
/// <param name="Attempts">Oldest first.</param>
public sealed record CardAttemptLog(IReadOnlyList<CardAttempt> Attempts)
{
    /// <summary>Kept beyond the window so that a caller whose orchestration time lags another's still sees all of its own window.</summary>
    public static readonly TimeSpan CompactionMargin = TimeSpan.FromDays(1);

    /// <summary>
    /// How long an approved attempt is kept. It no longer counts; it is kept only so that a duplicate of its reservation
    /// (an activity run again while the first run's result was in flight) is recognised, which happens within hours.
    /// Dropping it sooner than the window keeps the log small for a card that many series charge successfully.
    /// </summary>
    public static readonly TimeSpan ApprovedRetention = TimeSpan.FromDays(2);

    public static CardAttemptLog Empty { get; } = new([]);

    /// <summary>Attempts that count against the limit for an attempt at <paramref name="atUtc"/>.</summary>
    public int CountedAt(DateTime atUtc) => Attempts.Count(a => !a.Approved && a.AtUtc >= atUtc - CardAttemptWindow.Length);

    /// <summary>
    /// The log with the attempt added; this same log when the attempt is already in it (a retried or replayed
    /// reservation is granted again, never counted twice); null when the card has no room left.
    /// </summary>
    public CardAttemptLog? TryReserve(string attemptId, DateTime atUtc, int maxAttempts)
    {
        ArgumentException.ThrowIfNullOrEmpty(attemptId);
        if (Attempts.Any(a => a.AttemptId == attemptId))
        {
            return this;
        }

        if (CountedAt(atUtc) >= maxAttempts)
        {
            return null;
        }

        DateTime keepFrom = atUtc - CardAttemptWindow.Length - CompactionMargin;
        DateTime keepApprovedFrom = atUtc - ApprovedRetention;
        return new([.. Attempts.Where(a => a.AtUtc >= (a.Approved ? keepApprovedFrom : keepFrom)), new CardAttempt(attemptId, atUtc)]);
    }

    /// <summary>The log with the attempt marked approved, so it no longer counts; this same log when there is nothing to change.</summary>
    public CardAttemptLog Release(string attemptId) =>
        Attempts.Any(a => a.AttemptId == attemptId && !a.Approved)
            ? new([.. Attempts.Select(a => a.AttemptId == attemptId ? a with { Approved = true } : a)])
            : this;
}
