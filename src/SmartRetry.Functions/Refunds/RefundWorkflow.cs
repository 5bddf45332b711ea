using System.Globalization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using SmartRetry.Functions.Shared.Durable;
using SmartRetry.Functions.Shared.Gateway;
using SmartRetry.Functions.Shared.Ledger;
using SmartRetry.Functions.Shared.Tracking;

namespace SmartRetry.Functions.Refunds;

/// <summary>
/// Runs one refund: submits it once, with an idempotency key derived from the instance id, records it in the ledger
/// (<see cref="PaymentKind.Refund"/>, linked to the original) and follows SmartRetry's refund transaction to its
/// outcome with <see cref="TransactionTracker"/>, as a sale is followed. A refund that ends without money moving
/// (refused, declined, error, cancelled) gives its ledger reservation back; one whose fate is unknown (SmartRetry
/// unreachable, UNKNOWN, deadline) keeps it, so the original can never be refunded twice over while a person checks.
/// </summary>
public static class RefundWorkflow
{
    private const string SubmitStep = "refund-submit";

    // SmartRetry refusing the refund on its business rules (https://www.smartretry.com/docs/concepts/decline-codes): the refund was declined.
    // Any other refusal is a request we should not have sent (an error); neither moved money.
    private static readonly HashSet<string> RefundRuleCodes = new(StringComparer.Ordinal)
    {
        "REFUND_AMOUNT_EXCEEDED",
        "FULL_REFUND_ALREADY_PROCESSED",
        "ORIGINAL_TRANSACTION_NOT_APPROVED",
        "REFUND_NOT_ALLOWED_CHARGEBACK",
        "INVALID_TRANSACTION_TYPE_FOR_REFUND",
        "REFUND_PENDING_APPROVAL",
    };

    [Function(nameof(RefundWorkflow))]
    public static Task<RefundOutcome> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        RefundInput input = context.GetInput<RefundInput>() ?? throw new InvalidOperationException("RefundWorkflow needs its input.");
        return new RefundRun(context, input).RunAsync();
    }

    private sealed class RefundRun(TaskOrchestrationContext context, RefundInput input)
    {
        private readonly ILogger logger = context.CreateReplaySafeLogger(typeof(RefundWorkflow).FullName!);
        private RefundProgress progress = new(PaymentStatus.Submitted, input.OriginalPaymentId, input.Amount, input.Reason);
        private TransactionTracker? tracker;
        private string? orderId;
        private bool published;

        private string? TransactionId => tracker?.TransactionId;

        public async Task<RefundOutcome> RunAsync()
        {
            Publish(progress);
            PaymentSubmissionResult submitted;
            try
            {
                submitted = await context.CallActivityAsync<PaymentSubmissionResult>(nameof(SubmitRefund), Submission(), ActivityOptions.SmartRetryOutage);
            }
            catch (TaskFailedException e)
            {
                return await FinishAsync(new PaymentVerdict(
                    PaymentStatus.NeedsAttention,
                    Note: $"SmartRetry could not be reached ({e.FailureDetails.ErrorType}); whether the refund was taken is unknown: look it up by its idempotency key before refunding again. Its amount stays reserved."));
            }

            orderId = submitted.OrderId;
            if (submitted.TransactionId is { } transactionId)
            {
                tracker = new TransactionTracker(context, input.RefundPaymentId, transactionId, logger, OnTrackingProgress);
            }

            if (submitted.Rejection is { } rejection)
            {
                return await FinishAsync(Refused(rejection));
            }

            if (!submitted.Accepted)
            {
                TransactionSnapshot? declined = tracker is null ? null : await tracker.ReadStatusAsync();
                return await FinishAsync(new PaymentVerdict(PaymentStatus.Declined, declined?.ReasonCode));
            }

            if (tracker is null)
            {
                return await FinishAsync(new PaymentVerdict(PaymentStatus.NeedsAttention, Note: "Accepted without a transaction id: the refund cannot be tracked. Its amount stays reserved."));
            }

            // SmartRetry settles a refund in its immediate answer and may send no webhook for it (https://www.smartretry.com/docs/api-reference/payments/refund):
            // read its status at once rather than wait for the first poll.
            if (await tracker.CheckNowAsync() is { } settled)
            {
                return await FinishAsync(settled);
            }

            await RecordAsync(new PaymentVerdict(PaymentStatus.Processing));
            DateTime deadline = context.CurrentUtcDateTime + input.Tracking.Deadline;
            Publish(progress with { Status = PaymentStatus.Processing, TransactionId = TransactionId, Deadline = new DateTimeOffset(deadline) });
            return await FinishAsync(await tracker.AwaitOutcomeAsync(input.Tracking, deadline, submitted.EarlyEvents));
        }

        private static PaymentVerdict Refused(PaymentRejection rejection)
        {
            string status = rejection.HttpStatus?.ToString(CultureInfo.InvariantCulture) ?? "none";

            // A 409 IDEMPOTENCY_CONFLICT means our key met a different body: a bug on our side, and the first request may have gone through.
            return rejection.ReasonCode == "IDEMPOTENCY_CONFLICT"
                ? new PaymentVerdict(PaymentStatus.NeedsAttention, rejection.ReasonCode, $"Refused as an idempotency conflict (HTTP {status}): an earlier refund under this key may have gone through. Its amount stays reserved.")
                : new PaymentVerdict(
                    RefundRuleCodes.Contains(rejection.ReasonCode) ? PaymentStatus.Declined : PaymentStatus.Error,
                    rejection.ReasonCode,
                    $"SmartRetry refused the refund (HTTP {status}); no money moved.");
        }

        private void OnTrackingProgress(TransactionProgress tracked) => Publish(progress with { AttemptNumber = tracked.AttemptNumber });

        private async Task<RefundOutcome> FinishAsync(PaymentVerdict verdict)
        {
            await RecordAsync(verdict);
            if (verdict.Status is PaymentStatus.Declined or PaymentStatus.Error or PaymentStatus.Cancelled)
            {
                await context.CallActivityAsync<bool>(
                    nameof(ReleaseRefundReservation), new RefundRelease(input.OriginalPaymentId, input.RefundPaymentId), ActivityOptions.Storage);
            }

            Publish(progress with { Status = verdict.Status });
            RefundLog.RefundEnded(logger, input.RefundPaymentId, input.OriginalPaymentId, verdict.Status, TransactionId, verdict.ReasonCode);
            return new RefundOutcome(input.RefundPaymentId, input.OriginalPaymentId, verdict.Status, input.Amount, TransactionId, verdict.ReasonCode, verdict.Note);
        }

        private Task<bool> RecordAsync(PaymentVerdict verdict) =>
            context.CallActivityAsync<bool>(
                nameof(RecordPayment),
                new PaymentLedgerEntry(
                    input.RefundPaymentId,
                    input.RefundId,
                    PaymentKind.Refund,
                    input.Amount,
                    input.Currency,
                    verdict.Status,
                    new DateTimeOffset(context.CurrentUtcDateTime),
                    TransactionId,
                    orderId,
                    verdict.ReasonCode,
                    progress.AttemptNumber,
                    Note: verdict.Note,
                    OriginalPaymentId: input.OriginalPaymentId),
                ActivityOptions.Storage);

        private RefundSubmission Submission() => new(
            input.RefundPaymentId,
            IdempotencyKeys.Derive(context.InstanceId, SubmitStep),
            input.OriginalTransactionId,
            input.OriginalOrderId,
            input.RefundId,
            input.Amount,
            input.Currency);

        private void Publish(RefundProgress next)
        {
            if (published && next == progress)
            {
                return;
            }

            progress = next;
            published = true;
            context.SetCustomStatus(next);
        }
    }
}

/// <summary>Structured log messages of the refund orchestration and its activities. The merchant's reason is never logged.</summary>
internal static partial class RefundLog
{
    [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "Refund {RefundPaymentId} submitted: transaction {TransactionId}, accepted {Accepted}, replayed {Replayed}")]
    public static partial void RefundSubmitted(ILogger logger, string refundPaymentId, string? transactionId, bool accepted, bool replayed);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Warning, Message = "Refund {RefundPaymentId} refused by SmartRetry: HTTP {StatusCode} {ReasonCode}")]
    public static partial void RefundRefused(ILogger logger, string refundPaymentId, int? statusCode, string? reasonCode);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Information, Message = "Refund {RefundPaymentId} of {OriginalPaymentId} ended as {Status} (transaction {TransactionId}, reason {ReasonCode})")]
    public static partial void RefundEnded(ILogger logger, string refundPaymentId, string originalPaymentId, PaymentStatus status, string? transactionId, string? reasonCode);
}
