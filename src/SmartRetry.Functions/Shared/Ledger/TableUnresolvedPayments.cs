using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using SmartRetry.Functions.Shared.Storage;

namespace SmartRetry.Functions.Shared.Ledger;

/// <summary>
/// The index of unresolved payments on Azure Tables (<c>{prefix}Unresolved</c>): one row per payment that is not
/// final. It holds only the payments in flight or unresolved, so the reconciler's query for what is due reads this
/// small table, never the ledger.
/// </summary>
public sealed class TableUnresolvedPayments(PaymentsTables tables, IOptions<ReconciliationOptions> options, TimeProvider timeProvider) : IUnresolvedPayments
{
    private const string Scope = "unresolved";

    public async Task WatchAsync(PaymentLedgerEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ReconciliationOptions settings = options.Value;
        TableClient table = await tables.GetAsync(PaymentsTable.Unresolved, cancellationToken);
        if (entry.Status == PaymentStatus.Scheduled)
        {
            // The payment's orchestration is about to run: look only once it should long have finished its first activities.
            await table.TryInsertAsync(ToEntity(new UnresolvedPayment(
                entry.PaymentId, entry.Kind, entry.UpdatedAt, (entry.ScheduledAt ?? entry.UpdatedAt) + settings.FirstCheckAfter)), cancellationToken);
            return;
        }

        if (entry.Status is not (PaymentStatus.NeedsAttention or PaymentStatus.DeadlineReached))
        {
            return;
        }

        // Its orchestration left it unresolved: look soon, unless the reconciler has taken it on already (it keeps its own backoff).
        DateTimeOffset soon = timeProvider.GetUtcNow() + settings.FirstRetryDelay;
        if (await table.TryInsertAsync(ToEntity(new UnresolvedPayment(entry.PaymentId, entry.Kind, entry.UpdatedAt, soon)), cancellationToken) is not null)
        {
            return;
        }

        if (await GetAsync(entry.PaymentId, cancellationToken) is { Attempts: 0 } watched && watched.NextCheckAt > soon)
        {
            await TryUpdateAsync(watched, watched with { NextCheckAt = soon }, cancellationToken);
        }
    }

    public async Task RemoveAsync(string paymentId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(paymentId);
        TableClient table = await tables.GetAsync(PaymentsTable.Unresolved, cancellationToken);

        // A row that is not there is a 404 the SDK returns as a response, not an exception.
        await table.DeleteEntityAsync(TableKeys.Partition(Scope, paymentId), TableKeys.Row(paymentId), ETag.All, cancellationToken);
    }

    public async Task<UnresolvedPayment?> GetAsync(string paymentId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(paymentId);
        TableClient table = await tables.GetAsync(PaymentsTable.Unresolved, cancellationToken);
        NullableResponse<TableEntity> row = await table.GetEntityIfExistsAsync<TableEntity>(
            TableKeys.Partition(Scope, paymentId), TableKeys.Row(paymentId), cancellationToken: cancellationToken);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    public async Task<bool> CheckSoonAsync(string paymentId, CancellationToken cancellationToken)
    {
        for (int attempt = 0; attempt < 3; attempt++)
        {
            if (await GetAsync(paymentId, cancellationToken) is not { } watched)
            {
                return false;
            }

            // News may settle even a payment the reconciler had given up on: it gets one more look.
            DateTimeOffset now = timeProvider.GetUtcNow();
            if ((watched.NextCheckAt <= now && !watched.Exhausted)
                || await TryUpdateAsync(watched, watched with { NextCheckAt = now, Exhausted = false }, cancellationToken) is not null)
            {
                return true;
            }
        }

        // Others keep changing it: the reconciler is at it already.
        return true;
    }

    public async Task WatchNowAsync(PaymentLedgerEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        TableClient table = await tables.GetAsync(PaymentsTable.Unresolved, cancellationToken);
        if (await table.TryInsertAsync(ToEntity(new UnresolvedPayment(entry.PaymentId, entry.Kind, entry.UpdatedAt, timeProvider.GetUtcNow())), cancellationToken) is null)
        {
            await CheckSoonAsync(entry.PaymentId, cancellationToken);
        }
    }

    public async Task<IReadOnlyList<UnresolvedPayment>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        TableClient table = await tables.GetAsync(PaymentsTable.Unresolved, cancellationToken);
        string filter = TableClient.CreateQueryFilter(FormattableStringFactory.Create("NextCheckAt le {0} and Exhausted eq {1}", now, false));
        var due = new List<UnresolvedPayment>();
        await foreach (TableEntity row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            due.Add(FromEntity(row));
        }

        return [.. due.OrderBy(p => p.NextCheckAt).Take(max)];
    }

    public async Task<UnresolvedPayment?> TryUpdateAsync(UnresolvedPayment read, UnresolvedPayment changed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(changed);
        if (read.Version is null)
        {
            throw new ArgumentException("Only an entry read from the store can be updated.", nameof(read));
        }

        TableClient table = await tables.GetAsync(PaymentsTable.Unresolved, cancellationToken);
        string? version = await table.TryReplaceIfUnchangedAsync(ToEntity(changed), read.Version, cancellationToken);
        return version is null ? null : changed with { Version = version };
    }

    private static TableEntity ToEntity(UnresolvedPayment payment) => new(TableKeys.Partition(Scope, payment.PaymentId), TableKeys.Row(payment.PaymentId))
    {
        ["PaymentId"] = payment.PaymentId,
        ["Kind"] = payment.Kind.ToString(),
        ["Since"] = payment.Since,
        ["NextCheckAt"] = payment.NextCheckAt,
        ["Attempts"] = payment.Attempts,
        ["LastCheckedAt"] = payment.LastCheckedAt,
        ["LastOutcome"] = payment.LastOutcome,
        ["Exhausted"] = payment.Exhausted,
    };

    private static UnresolvedPayment FromEntity(TableEntity entity) => new(
        entity.GetString("PaymentId"),
        Enum.Parse<PaymentKind>(entity.GetString("Kind")),
        entity.GetDateTimeOffset("Since") ?? entity.Timestamp ?? DateTimeOffset.MinValue,
        entity.GetDateTimeOffset("NextCheckAt") ?? DateTimeOffset.MinValue,
        entity.GetInt32("Attempts") ?? 0,
        entity.GetDateTimeOffset("LastCheckedAt"),
        entity.GetString("LastOutcome"),
        entity.GetBoolean("Exhausted") ?? false)
    {
        Version = entity.ETag.ToString(),
    };
}
