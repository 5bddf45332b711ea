using SmartRetry.Payments.Cards;
using SmartRetry.Payments.Correlation;
using SmartRetry.Payments.Gateway;
using SmartRetry.Payments.Ledger;
using SmartRetry.Payments.Recurring.Gateway;
using SmartRetry.Payments.Recurring.Storage;

namespace SmartRetry.Payments.Recurring.Activities;

/// <summary>
/// <c>recurring_init</c>: unseals the card, creates the series (its first payment included) with a deterministic
/// idempotency key, maps the recurring id to the series so <c>recurring.*</c> webhooks find it, and records the first
/// payment and the recurring id.
/// </summary>
public sealed class InitRecurring(
    ISmartRetryRecurringGateway recurring,
    ICardSealer sealer,
    ICorrelationStore correlations,
    IPaymentLedger ledger,
    IRecurringSeriesStore series,
    TimeProvider time)
{
    public async Task<InitRecurringResult> RunAsync(InitRecurringRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        RecurringInitResult result;
        try
        {
            CardDetails card = sealer.Unseal(request.Card);
            result = await recurring.InitRecurringAsync(
                new RecurringInitSubmission(request.IdempotencyKey, request.Amount, request.Currency, request.ManagedBy, request.Schedule, card, request.Payer),
                cancellationToken);
        }
        catch (SmartRetryRejectedException rejected)
        {
            // Refused before anything was charged: the series ends here, visibly, with SmartRetry's reason.
            string reasonCode = rejected.ReasonCode ?? $"HTTP_{rejected.StatusCode}";
            DateTimeOffset refusedAt = time.GetUtcNow();
            await series.UpdateAsync(
                request.SeriesId,
                current => current with
                {
                    Status = RecurringSeriesStatus.Refused,
                    ReasonCode = reasonCode,
                    NextDueAtUtc = null,
                    Note = $"SmartRetry refused to create the series ({reasonCode}); nothing was charged.",
                    UpdatedAt = refusedAt,
                },
                cancellationToken);
            return new InitRecurringResult(false, null, null, reasonCode);
        }

        DateTimeOffset now = time.GetUtcNow();
        if (result.RecurringId is { } recurringId)
        {
            await correlations.AddAsync(CorrelationKind.Recurring, recurringId, request.SeriesId, cancellationToken);
        }

        if (result.TransactionId is { } transactionId)
        {
            await correlations.AddAsync(CorrelationKind.Transaction, transactionId, request.SeriesId, cancellationToken);
            await ledger.RecordAsync(
                new PaymentLedgerEntry(
                    $"{request.SeriesId}-init", request.SeriesId, PaymentKind.RecurringInit, request.Amount, request.Currency,
                    result.Accepted ? PaymentStatus.Approved : PaymentStatus.Declined, now, transactionId, result.OrderId,
                    Note: result.Accepted ? "First payment of the series." : "First payment declined: the series was not created."),
                cancellationToken);
        }

        bool created = result.Accepted && result.RecurringId is not null;
        await series.UpdateAsync(
            request.SeriesId,
            current => current with
            {
                RecurringId = result.RecurringId ?? current.RecurringId,
                Status = created ? current.Status : RecurringSeriesStatus.Cancelled,
                Note = created ? "Created at SmartRetry." : "The first payment was declined; the series was not created.",
                UpdatedAt = now,
            },
            cancellationToken);
        return new InitRecurringResult(created, result.RecurringId, result.TransactionId);
    }
}
