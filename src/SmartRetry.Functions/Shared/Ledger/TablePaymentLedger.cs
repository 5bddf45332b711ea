using System.Globalization;
using Azure;
using Azure.Data.Tables;
using SmartRetry.Functions.Shared.Cards;
using SmartRetry.Functions.Shared.Storage;
using SmartRetry.Functions.Shared.Telemetry;

namespace SmartRetry.Functions.Shared.Ledger;

/// <summary>
/// The ledger on Azure Tables: one row per payment. A write inserts if absent; otherwise it reads the row with its
/// ETag, drops the write when it is not news (<see cref="PaymentStatusProgression.CanMoveTo"/>), and replaces the row
/// only if nobody changed it meanwhile, trying again when somebody did. Facts a later write does not repeat
/// (transaction id, card summary, ...) are carried over. Payment metrics are counted here, because only here is it
/// known that a write was news: a replayed or repeated write is not committed, so it is not counted twice.
/// </summary>
/// <remarks>
/// What follows from a status, whichever path wrote it (an orchestration, the reconciler, an operator), happens here, so no
/// path can forget it: a payment is watched by the index of unresolved payments (<see cref="IUnresolvedPayments"/>)
/// before its first non-final row is written, so no crash can leave a non-final payment nobody looks at; once a final
/// status is recorded (news or a repeat), it leaves that index and a sale's card is forgotten by the vault.
/// </remarks>
public sealed class TablePaymentLedger(
    PaymentsTables tables,
    PaymentMetrics? metrics = null,
    ICardVault? cards = null,
    IUnresolvedPayments? unresolved = null) : IPaymentLedger
{
    // Every successful competing write raises the status rank, and there are only five ranks, so this is never reached
    // by honest contention; it stops a loop should the row be deleted and re-created behind our back repeatedly.
    private const int MaxAttempts = 8;
    private const string Scope = "payment";

    public async Task<bool> RecordAsync(PaymentLedgerEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!entry.Status.IsFinal() && unresolved is not null)
        {
            await unresolved.WatchAsync(entry, cancellationToken);
        }

        bool recorded = await WriteAsync(entry, cancellationToken);
        if (entry.Status.IsFinal())
        {
            if (unresolved is not null)
            {
                await unresolved.RemoveAsync(entry.PaymentId, cancellationToken);
            }

            if (entry.Kind == PaymentKind.Sale && cards is not null)
            {
                await cards.ForgetAsync(entry.PaymentId, cancellationToken);
            }
        }

        return recorded;
    }

    private async Task<bool> WriteAsync(PaymentLedgerEntry entry, CancellationToken cancellationToken)
    {
        TableClient table = await tables.GetAsync(PaymentsTable.Ledger, cancellationToken);
        for (int attempt = 0; attempt < MaxAttempts; attempt++)
        {
            DateTimeOffset? submittedAt = IsSubmitted(entry.Status) ? entry.UpdatedAt : null;
            if (await table.TryInsertAsync(ToEntity(entry, submittedAt), cancellationToken) is not null)
            {
                Committed(entry, submittedAt);
                return true;
            }

            // The payment is on record already: decide against what is there.

            NullableResponse<TableEntity> current = await table.GetEntityIfExistsAsync<TableEntity>(
                TableKeys.Partition(Scope, entry.PaymentId), TableKeys.Row(entry.PaymentId), cancellationToken: cancellationToken);
            if (!current.HasValue)
            {
                continue;
            }

            PaymentLedgerEntry existing = FromEntity(current.Value!);
            if (!existing.Status.CanMoveTo(entry.Status))
            {
                return false;
            }

            submittedAt = current.Value!.GetDateTimeOffset("SubmittedAt") ?? submittedAt;
            if (await table.TryReplaceIfUnchangedAsync(ToEntity(CarryOver(existing, entry), submittedAt), current.Value!.ETag.ToString(), cancellationToken) is not null)
            {
                Committed(entry, submittedAt);
                return true;
            }

            // Somebody wrote first: read again and re-decide.
        }

        throw new InvalidOperationException($"The ledger row of payment {entry.PaymentId} kept changing; the write was not applied.");
    }

    public async Task<PaymentLedgerEntry?> GetAsync(string paymentId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(paymentId);
        TableClient table = await tables.GetAsync(PaymentsTable.Ledger, cancellationToken);
        NullableResponse<TableEntity> row = await table.GetEntityIfExistsAsync<TableEntity>(
            TableKeys.Partition(Scope, paymentId), TableKeys.Row(paymentId), cancellationToken: cancellationToken);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    private static bool IsSubmitted(PaymentStatus status) => status is not PaymentStatus.Scheduled;

    private void Committed(PaymentLedgerEntry entry, DateTimeOffset? submittedAt)
    {
        if (metrics is not null && (entry.Status.IsFinal() || entry.Status is PaymentStatus.NeedsAttention or PaymentStatus.DeadlineReached))
        {
            // A payment first written in its final state had no submission we saw (e.g. a charge recorded once, at its
            // outcome): it is counted, but gives no duration.
            metrics.PaymentSettled(entry.Kind, entry.Status, entry.ReasonCode, submittedAt is { } at && at < entry.UpdatedAt ? entry.UpdatedAt - at : null);
            if (entry.Kind == PaymentKind.RecurringCharge && entry.AttemptNumber > 1)
            {
                metrics.DunningAttempt(PaymentMetrics.Tag(entry.Status));
            }
        }
    }

    private static PaymentLedgerEntry CarryOver(PaymentLedgerEntry existing, PaymentLedgerEntry next) => next with
    {
        TransactionId = next.TransactionId ?? existing.TransactionId,
        OrderId = next.OrderId ?? existing.OrderId,
        AttemptNumber = next.AttemptNumber ?? existing.AttemptNumber,
        Card = next.Card ?? existing.Card,
        ScheduledAt = next.ScheduledAt ?? existing.ScheduledAt,
        OriginalPaymentId = next.OriginalPaymentId ?? existing.OriginalPaymentId,
    };

    private static TableEntity ToEntity(PaymentLedgerEntry entry, DateTimeOffset? submittedAt)
    {
        var entity = new TableEntity(TableKeys.Partition(Scope, entry.PaymentId), TableKeys.Row(entry.PaymentId))
        {
            ["PaymentId"] = entry.PaymentId,
            ["MerchantTransactionId"] = entry.MerchantTransactionId,
            ["Kind"] = entry.Kind.ToString(),
            ["Amount"] = entry.Amount.ToString(CultureInfo.InvariantCulture),
            ["Currency"] = entry.Currency,
            ["Status"] = entry.Status.ToString(),
            ["UpdatedAt"] = entry.UpdatedAt,
            ["TransactionId"] = entry.TransactionId,
            ["OrderId"] = entry.OrderId,
            ["ReasonCode"] = entry.ReasonCode,
            ["AttemptNumber"] = entry.AttemptNumber,
            ["CardToken"] = entry.Card?.Token,
            ["CardLastFour"] = entry.Card?.LastFour,
            ["CardBin"] = entry.Card?.Bin,
            ["CardBrand"] = entry.Card?.Brand,
            ["Note"] = entry.Note,
            ["ScheduledAt"] = entry.ScheduledAt,
            ["OriginalPaymentId"] = entry.OriginalPaymentId,
            ["SubmittedAt"] = submittedAt,
        };
        return entity;
    }

    private static PaymentLedgerEntry FromEntity(TableEntity entity)
    {
        string? token = entity.GetString("CardToken"), lastFour = entity.GetString("CardLastFour");
        string? bin = entity.GetString("CardBin"), brand = entity.GetString("CardBrand");
        return new PaymentLedgerEntry(
            PaymentId: entity.GetString("PaymentId"),
            MerchantTransactionId: entity.GetString("MerchantTransactionId"),
            Kind: Enum.Parse<PaymentKind>(entity.GetString("Kind")),
            Amount: decimal.Parse(entity.GetString("Amount"), NumberStyles.Number, CultureInfo.InvariantCulture),
            Currency: entity.GetString("Currency"),
            Status: Enum.Parse<PaymentStatus>(entity.GetString("Status")),
            UpdatedAt: entity.GetDateTimeOffset("UpdatedAt") ?? entity.Timestamp ?? DateTimeOffset.MinValue,
            TransactionId: entity.GetString("TransactionId"),
            OrderId: entity.GetString("OrderId"),
            ReasonCode: entity.GetString("ReasonCode"),
            AttemptNumber: entity.GetInt32("AttemptNumber"),
            Card: (token ?? lastFour ?? bin ?? brand) is null ? null : new CardSummary(token, lastFour, bin, brand),
            Note: entity.GetString("Note"),
            ScheduledAt: entity.GetDateTimeOffset("ScheduledAt"),
            OriginalPaymentId: entity.GetString("OriginalPaymentId"));
    }
}
