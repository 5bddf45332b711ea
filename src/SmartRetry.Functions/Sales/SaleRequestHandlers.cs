using System.Net;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartRetry.Functions.Shared.Cards;
using SmartRetry.Functions.Shared.Charges;
using SmartRetry.Functions.Shared.Durable;
using SmartRetry.Functions.Shared.Events;
using SmartRetry.Functions.Shared.Gateway;
using SmartRetry.Functions.Shared.Http;
using SmartRetry.Functions.Shared.Idempotency;
using SmartRetry.Functions.Shared.Ledger;
using SmartRetry.Functions.Shared.Problems;
using SmartRetry.Functions.Shared.Tracking;

namespace SmartRetry.Functions.Sales;

/// <summary>
/// <c>POST /api/payments/sale</c>: validate, claim the merchant transaction id (<see cref="RequestClaims"/>), record the
/// payment, hold the card in the vault (<see cref="ICardVault"/>) and schedule <see cref="SaleWorkflow"/>. A repeat after scheduling answers
/// 202 with the same instance; a repeat while the first is still scheduling answers 409 "in progress, retry"; a claim
/// whose holder died is taken over after <see cref="PaymentRequestOptions.ClaimLease"/>, so no accepted sale is lost.
/// </summary>
public sealed partial class SaleSubmissionHandler(
    ChargeRequestValidator validator,
    ChargeFingerprinter fingerprinter,
    ICardVault cards,
    RequestClaims claims,
    IPaymentLedger ledger,
    IOptions<PaymentRequestOptions> options,
    IOptions<TrackingOptions> tracking,
    TimeProvider timeProvider,
    ILogger<SaleSubmissionHandler> logger)
{
    public const string CvvDroppedNote = "CVV is not kept for future-dated charges.";

    /// <param name="durable">The invocation's Durable client (the host binds one per call).</param>
    public Task<HandlerResult<SaleAccepted>> SubmitAsync(DurableTaskClient durable, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        ChargeRequest? request = JsonRequestReader.Read<ChargeRequest>(body, out PaymentsProblem? problem);
        return request is null
            ? Task.FromResult(HandlerResult.Failure<SaleAccepted>(problem!))
            : SubmitAsync(durable, request, cancellationToken);
    }

    public async Task<HandlerResult<SaleAccepted>> SubmitAsync(DurableTaskClient durable, ChargeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        ArgumentNullException.ThrowIfNull(request);
        ValidatedCharge? sale = validator.Validate(request, out IReadOnlyDictionary<string, string[]> errors);
        if (sale is null)
        {
            if (await FindAcceptedRepeatAsync(request, cancellationToken) is { } repeat)
            {
                return repeat;
            }

            LogRejected(logger, errors.Keys);
            return HandlerResult.Failure<SaleAccepted>(PaymentsProblem.Validation(errors, SaleRoutes.Submit));
        }

        string paymentId = SaleInstanceIds.For(sale.MerchantTransactionId);
        using IDisposable? scope = logger.BeginScope(new Dictionary<string, object> { ["PaymentId"] = paymentId, ["MerchantTransactionId"] = sale.MerchantTransactionId });

        ChargeFingerprint fingerprint = fingerprinter.Compute(sale);
        DateTimeOffset now = timeProvider.GetUtcNow();
        RequestClaim claim = await claims.ClaimAsync(
            durable,
            new IdempotencyRecord(paymentId, fingerprint.Hash, fingerprint.KeyId, paymentId, IdempotencyState.Claimed, now),
            held => fingerprinter.Matches(sale, held.RequestHash, held.HashKeyId),
            options.Value.ClaimLease,
            cancellationToken);
        switch (claim.Outcome)
        {
            case RequestClaimOutcome.Conflict:
                LogConflict(logger);
                return HandlerResult.Failure<SaleAccepted>(PaymentsProblem.Conflict(
                    ProblemTypes.IdempotencyConflict,
                    "This merchant_transaction_id was already used for a different sale.",
                    "A sale with this merchant_transaction_id exists and its details differ. Use a new merchant_transaction_id for a new sale.",
                    PaymentRoutes.StatusPath(paymentId)));
            case RequestClaimOutcome.Completed:
                LogReplayed(logger);
                return Accepted(paymentId, sale, replayed: true);
            case RequestClaimOutcome.InProgress:
                LogInProgress(logger);
                return HandlerResult.Failure<SaleAccepted>(PaymentsProblem.Conflict(
                    ProblemTypes.RequestInProgress,
                    "An identical request is being processed.",
                    "The same sale request is being scheduled right now. Retry in a few seconds to get its result.",
                    PaymentRoutes.StatusPath(paymentId)));
        }

        try
        {
            await ScheduleAsync(durable, paymentId, sale, now, cancellationToken);
        }
        catch (Exception)
        {
            await claims.ReleaseAsync(claim.Record);
            throw;
        }

        await claims.CompleteAsync(claim.Record, cancellationToken);
        LogScheduled(logger, sale.ScheduledAt);
        return Accepted(paymentId, sale, replayed: false);
    }

    /// <summary>
    /// A repeat of an accepted sale may arrive after its <c>scheduled_at</c> has passed or its card has expired; judged
    /// now it is invalid, yet it is the same request, so it gets the same answer. Only a completed record whose request
    /// validates as of when it was accepted, and whose fingerprint matches, is a repeat.
    /// </summary>
    private async Task<HandlerResult<SaleAccepted>?> FindAcceptedRepeatAsync(ChargeRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(request.MerchantTransactionId)
            || await claims.FindAsync(SaleInstanceIds.For(request.MerchantTransactionId), cancellationToken) is not { State: IdempotencyState.Completed } held
            || validator.Validate(request, held.ClaimedAt, out _) is not { } sale
            || !fingerprinter.Matches(sale, held.RequestHash, held.HashKeyId))
        {
            return null;
        }

        using IDisposable? scope = logger.BeginScope(new Dictionary<string, object> { ["PaymentId"] = held.InstanceId, ["MerchantTransactionId"] = sale.MerchantTransactionId });
        LogReplayed(logger);
        return Accepted(held.InstanceId, sale, replayed: true);
    }

    private async Task ScheduleAsync(DurableTaskClient durable, string paymentId, ValidatedCharge sale, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await ledger.RecordAsync(
            new PaymentLedgerEntry(paymentId, sale.MerchantTransactionId, PaymentKind.Sale, sale.Amount, sale.Currency, PaymentStatus.Scheduled, now, ScheduledAt: sale.ScheduledAt),
            cancellationToken);

        // The card waits in the vault, not in the orchestration: a future-dated one without its CVV, and none for longer than
        // SmartRetry would recognise a repeat of the call it is held for.
        await cards.HoldAsync(
            paymentId,
            sale.IsFutureDated ? sale.Card.WithoutCvv() : sale.Card,
            SmartRetryIdempotency.RepeatableUntil(sale.ScheduledAt ?? now),
            cancellationToken);

        var input = new SaleInput(
            paymentId,
            sale.MerchantTransactionId,
            sale.Amount,
            sale.Currency,
            sale.Payer,
            tracking.Value.Policy,
            sale.Description,
            sale.MerchantOrderId,
            sale.ScheduledAt);

        // A future-dated sale starts now and waits on a durable timer, so it can be cancelled until it fires.
        await durable.ScheduleNewUnlessRunningAsync(nameof(SaleWorkflow), paymentId, input, cancellationToken);
    }

    private static HandlerResult<SaleAccepted> Accepted(string paymentId, ValidatedCharge sale, bool replayed) =>
        HandlerResult.Success(HttpStatusCode.Accepted, new SaleAccepted(
            paymentId,
            sale.MerchantTransactionId,
            PaymentStatus.Scheduled,
            sale.ScheduledAt,
            replayed,
            CvvKept: sale.Card.Cvv is not null && !sale.IsFutureDated,
            new SaleLinks(PaymentRoutes.StatusPath(paymentId), sale.IsFutureDated ? SaleRoutes.CancelPath(paymentId) : null),
            sale.IsFutureDated && sale.Card.Cvv is not null ? CvvDroppedNote : null));

    [LoggerMessage(Level = LogLevel.Information, Message = "Sale request rejected; invalid fields: {Fields}")]
    private static partial void LogRejected(ILogger logger, IEnumerable<string> fields);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sale request conflicts with an earlier sale under the same merchant transaction id")]
    private static partial void LogConflict(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sale request repeats an earlier one; answering with the same payment")]
    private static partial void LogReplayed(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sale request repeats one that is still being scheduled; asked to retry")]
    private static partial void LogInProgress(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sale scheduled (future-dated for {ScheduledAt})")]
    private static partial void LogScheduled(ILogger logger, DateTimeOffset? scheduledAt);
}

/// <summary>
/// <c>POST /api/payments/{paymentId}/cancel</c>: asks a future-dated sale's orchestration to cancel before it fires. A sale
/// that was not future-dated, has fired, or has finished is a 409. If the timer and the cancel cross, the orchestration
/// decides (it already holds the event or the timer); the status link shows which.
/// </summary>
public sealed partial class SaleCancellationHandler(
    IPaymentLedger ledger,
    TimeProvider timeProvider,
    ILogger<SaleCancellationHandler> logger)
{
    public const int MaxReasonLength = 200;

    /// <param name="durable">The invocation's Durable client (the host binds one per call).</param>
    public async Task<HandlerResult<SaleCancellation>> CancelAsync(DurableTaskClient durable, string paymentId, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        if (!SaleInstanceIds.IsWellFormed(paymentId))
        {
            return NotFound(paymentId);
        }

        if (reason is { Length: > MaxReasonLength } || (reason is not null && reason.Any(char.IsControl)))
        {
            return HandlerResult.Failure<SaleCancellation>(PaymentsProblem.Validation(
                new Dictionary<string, string[]> { ["/reason"] = [$"At most {MaxReasonLength} characters, without control characters."] },
                SaleRoutes.CancelPath(paymentId)));
        }

        PaymentLedgerEntry? entry = await ledger.GetAsync(paymentId, cancellationToken);
        if (entry is null)
        {
            return NotFound(paymentId);
        }

        DateTimeOffset now = timeProvider.GetUtcNow();
        if (entry.ScheduledAt is not { } scheduledAt)
        {
            return NotCancellable(paymentId, "Only a future-dated sale (one with scheduled_at) can be cancelled.");
        }

        if (entry.Status != PaymentStatus.Scheduled || scheduledAt <= now)
        {
            return NotCancellable(paymentId, $"The sale is past its scheduled time or already {entry.Status}; it can no longer be cancelled.");
        }

        RaiseEventResult raised = await durable.RaiseEventIfRunningAsync(
            paymentId, OrchestrationEventNames.CancelRequested, new CancelRequest(reason ?? "Cancelled by the merchant.", now), cancellationToken);
        switch (raised)
        {
            case RaiseEventResult.Raised:
                LogCancelRequested(logger, paymentId);
                return HandlerResult.Success(HttpStatusCode.Accepted, new SaleCancellation(
                    paymentId, scheduledAt, now, new SaleLinks(PaymentRoutes.StatusPath(paymentId), null)));
            case RaiseEventResult.InstanceFinished:
                return NotCancellable(paymentId, "The sale has already finished.");
            default:
                return NotCancellable(paymentId, "The sale is still being scheduled; retry in a moment.");
        }
    }

    private static HandlerResult<SaleCancellation> NotFound(string paymentId) =>
        HandlerResult.Failure<SaleCancellation>(PaymentsProblem.NotFound("No sale has this payment id.", SaleRoutes.CancelPath(paymentId ?? "")));

    private static HandlerResult<SaleCancellation> NotCancellable(string paymentId, string detail) =>
        HandlerResult.Failure<SaleCancellation>(PaymentsProblem.Conflict(ProblemTypes.NotCancellable, "The sale cannot be cancelled.", detail, SaleRoutes.CancelPath(paymentId)));

    [LoggerMessage(Level = LogLevel.Information, Message = "Cancellation requested for future-dated sale {PaymentId}")]
    private static partial void LogCancelRequested(ILogger logger, string paymentId);
}
