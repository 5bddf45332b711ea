using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using SmartRetry.Functions.Shared.Storage;

namespace SmartRetry.Functions.Shared.Ledger;

/// <summary>
/// Refund reservations on the ledger table: one row per original payment (scope <c>refunds</c>), holding every refund's
/// reserved amount. Each change reads the row with its ETag, decides, and replaces it only if nobody changed it
/// meanwhile, re-reading when somebody did; the first reservation inserts the row if absent.
/// </summary>
public sealed class TableRefundReservations(PaymentsTables tables) : IRefundReservations
{
    private const string Scope = "refunds";
    private const string ReservationsColumn = "Reservations";

    // Each lost race means another refund's change was applied, so honest contention ends long before this; it only
    // stops a loop should the row keep changing behind our back.
    private const int MaxAttempts = 32;

    public async Task<RefundReservation> ReserveAsync(string originalPaymentId, decimal originalAmount, string refundPaymentId, decimal? amount, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(originalPaymentId);
        ArgumentException.ThrowIfNullOrEmpty(refundPaymentId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(originalAmount);
        if (amount is { } asked)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(asked, nameof(amount));
        }

        TableClient table = await tables.GetAsync(PaymentsTable.Ledger, cancellationToken);
        for (int attempt = 0; attempt < MaxAttempts; attempt++)
        {
            (Dictionary<string, decimal> reservations, string? version) = await ReadAsync(table, originalPaymentId, cancellationToken);
            decimal remaining = originalAmount - reservations.Values.Sum();
            if (reservations.TryGetValue(refundPaymentId, out decimal held))
            {
                return new RefundReservation(RefundReservationOutcome.Reserved, held, remaining);
            }

            if (remaining <= 0)
            {
                return new RefundReservation(RefundReservationOutcome.FullyRefunded, 0, 0);
            }

            decimal reserving = amount ?? remaining;
            if (reserving > remaining)
            {
                return new RefundReservation(RefundReservationOutcome.ExceedsRemaining, 0, remaining);
            }

            reservations[refundPaymentId] = reserving;
            if (await TryWriteAsync(table, originalPaymentId, reservations, version, cancellationToken))
            {
                return new RefundReservation(RefundReservationOutcome.Reserved, reserving, remaining - reserving);
            }
        }

        throw new InvalidOperationException($"The refund reservations of payment {originalPaymentId} kept changing; nothing was reserved.");
    }

    public async Task<bool> ReleaseAsync(string originalPaymentId, string refundPaymentId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(originalPaymentId);
        ArgumentException.ThrowIfNullOrEmpty(refundPaymentId);
        TableClient table = await tables.GetAsync(PaymentsTable.Ledger, cancellationToken);
        for (int attempt = 0; attempt < MaxAttempts; attempt++)
        {
            (Dictionary<string, decimal> reservations, string? version) = await ReadAsync(table, originalPaymentId, cancellationToken);
            if (version is null || !reservations.Remove(refundPaymentId))
            {
                return false;
            }

            if (await TryWriteAsync(table, originalPaymentId, reservations, version, cancellationToken))
            {
                return true;
            }
        }

        throw new InvalidOperationException($"The refund reservations of payment {originalPaymentId} kept changing; nothing was released.");
    }

    public async Task<decimal> GetReservedAsync(string originalPaymentId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(originalPaymentId);
        TableClient table = await tables.GetAsync(PaymentsTable.Ledger, cancellationToken);
        (Dictionary<string, decimal> reservations, _) = await ReadAsync(table, originalPaymentId, cancellationToken);
        return reservations.Values.Sum();
    }

    /// <summary>The reservations on record and the row's version; no version when there is no row yet.</summary>
    private static async Task<(Dictionary<string, decimal> Reservations, string? Version)> ReadAsync(TableClient table, string originalPaymentId, CancellationToken cancellationToken)
    {
        NullableResponse<TableEntity> row = await table.GetEntityIfExistsAsync<TableEntity>(
            TableKeys.Partition(Scope, originalPaymentId), TableKeys.Row(originalPaymentId), cancellationToken: cancellationToken);
        if (!row.HasValue)
        {
            return (new Dictionary<string, decimal>(StringComparer.Ordinal), null);
        }

        // Amounts are kept as invariant strings, as the ledger keeps them: a JSON number would round-trip through double elsewhere.
        Dictionary<string, string> stored = JsonSerializer.Deserialize<Dictionary<string, string>>(row.Value!.GetString(ReservationsColumn) ?? "{}") ?? [];
        return (stored.ToDictionary(pair => pair.Key, pair => decimal.Parse(pair.Value, NumberStyles.Number, CultureInfo.InvariantCulture), StringComparer.Ordinal),
            row.Value.ETag.ToString());
    }

    private static async Task<bool> TryWriteAsync(TableClient table, string originalPaymentId, Dictionary<string, decimal> reservations, string? version, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(TableKeys.Partition(Scope, originalPaymentId), TableKeys.Row(originalPaymentId))
        {
            ["OriginalPaymentId"] = originalPaymentId,
            [ReservationsColumn] = JsonSerializer.Serialize(reservations.ToDictionary(
                pair => pair.Key, pair => pair.Value.ToString(CultureInfo.InvariantCulture), StringComparer.Ordinal)),
        };
        string? written = version is null
            ? await table.TryInsertAsync(entity, cancellationToken)
            : await table.TryReplaceIfUnchangedAsync(entity, version, cancellationToken);
        return written is not null;
    }
}
