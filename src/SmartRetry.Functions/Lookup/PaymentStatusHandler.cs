using System.Net;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using SmartRetry.Functions.Shared.Durable;
using SmartRetry.Functions.Shared.Http;
using SmartRetry.Functions.Shared.Ledger;
using SmartRetry.Functions.Shared.Problems;

namespace SmartRetry.Functions.Lookup;

/// <summary>
/// <c>GET /api/payments/{paymentId}</c>: the ledger row and the orchestration instance, read side by side. Serves sales and
/// refunds alike (a refund is a payment of its own, linked to its original), and the ledger rows of a merchant-managed
/// series' payments (<see cref="RecurringSeriesIds.IsChargePaymentId"/>).
/// </summary>
public sealed class PaymentStatusHandler(IPaymentLedger ledger, IRefundReservations refunds, IUnresolvedPayments unresolved)
{
    /// <param name="durable">The invocation's Durable client (the host binds one per call).</param>
    public async Task<HandlerResult<PaymentView>> GetAsync(DurableTaskClient durable, string paymentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        if (!SaleInstanceIds.IsWellFormed(paymentId) && !RefundInstanceIds.IsWellFormed(paymentId) && !RecurringSeriesIds.IsChargePaymentId(paymentId))
        {
            return NotFound(paymentId);
        }

        Task<PaymentLedgerEntry?> entryTask = ledger.GetAsync(paymentId, cancellationToken);
        Task<OrchestrationMetadata?> instanceTask = durable.GetInstanceStateAsync(paymentId, cancellationToken);
        PaymentLedgerEntry? entry = await entryTask;
        OrchestrationMetadata? instance = await instanceTask;
        if (entry is null && instance is null)
        {
            return NotFound(paymentId);
        }

        decimal? refundsReserved = entry is { Kind: PaymentKind.Sale, Status: PaymentStatus.Approved }
            ? await refunds.GetReservedAsync(paymentId, cancellationToken)
            : null;

        // The reconciler's view of a payment that is not final yet: what it found so far, and when it looks again.
        UnresolvedPayment? watched = entry is not null && !entry.Status.IsFinal() ? await unresolved.GetAsync(paymentId, cancellationToken) : null;

        return HandlerResult.Success(HttpStatusCode.OK, new PaymentView(
            paymentId,
            entry?.MerchantTransactionId,
            entry?.Amount,
            entry?.Currency,
            entry?.Status,
            entry?.ScheduledAt,
            entry?.UpdatedAt,
            entry?.TransactionId,
            entry?.ReasonCode,
            entry?.AttemptNumber,
            entry?.Card is { } card ? new PaymentCardDisplay(card.LastFour, card.Brand) : null,
            instance is null ? null : new PaymentWorkflowState(
                instance.RuntimeStatus,
                instance.CreatedAt,
                instance.LastUpdatedAt,
                ParseCustomStatus(instance.SerializedCustomStatus),
                instance.FailureDetails?.ErrorMessage),
            entry?.Kind,
            entry?.OriginalPaymentId,
            refundsReserved,
            entry?.Note,
            watched is { Attempts: > 0 } or { Exhausted: true } ? new PaymentReconciliation(
                watched.Attempts,
                watched.LastCheckedAt,
                watched.Exhausted ? null : watched.NextCheckAt,
                watched.LastOutcome,
                watched.Exhausted) : null));
    }

    private static JsonElement? ParseCustomStatus(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(json);
        }
    }

    private static HandlerResult<PaymentView> NotFound(string paymentId) =>
        HandlerResult.Failure<PaymentView>(PaymentsProblem.NotFound("No payment has this id.", PaymentRoutes.StatusPath(paymentId ?? "")));
}
