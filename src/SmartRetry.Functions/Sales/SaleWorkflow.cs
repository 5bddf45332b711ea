using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using SmartRetry.Functions.Shared.Durable;
using SmartRetry.Functions.Shared.Events;
using SmartRetry.Functions.Shared.Gateway;
using SmartRetry.Functions.Shared.Ledger;
using SmartRetry.Functions.Shared.Tracking;

namespace SmartRetry.Functions.Sales;

/// <summary>
/// Runs one sale (docs/architecture.md, "The house, and the path of a sale"). A future-dated sale first waits on a durable timer and can be cancelled until
/// then. The sale is submitted once, with an idempotency key derived from the instance id. <c>accepted:false</c> is a
/// decline; otherwise <see cref="TransactionTracker"/> follows the transaction to its outcome (webhooks, status polls
/// on a backoff timer, deadline). Every outcome is recorded in the ledger.
/// </summary>
public static class SaleWorkflow
{
    /// <summary>The idempotency step of the sale's submission: the key is <c>IdempotencyKeys.Derive(paymentId, SubmitStep)</c>.</summary>
    public const string SubmitStep = "sale-submit";

    [Function(nameof(SaleWorkflow))]
    public static Task<SaleOutcome> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        SaleInput input = context.GetInput<SaleInput>() ?? throw new InvalidOperationException("SaleWorkflow needs its input.");
        return new SaleRun(context, input).RunAsync();
    }

    private sealed class SaleRun(TaskOrchestrationContext context, SaleInput input)
    {
        private readonly ILogger logger = context.CreateReplaySafeLogger(typeof(SaleWorkflow).FullName!);
        private SaleProgress progress = new(PaymentStatus.Scheduled, ScheduledAt: input.ScheduledAt);
        private TransactionTracker? tracker;
        private string? orderId;
        private bool published;

        private string? TransactionId => tracker?.TransactionId;

        public async Task<SaleOutcome> RunAsync()
        {
            if (input.ScheduledAt is { } scheduledAt && scheduledAt.UtcDateTime > context.CurrentUtcDateTime
                && await WaitForScheduledTimeAsync(scheduledAt.UtcDateTime) is { } cancellation)
            {
                return await FinishAsync(new PaymentVerdict(PaymentStatus.Cancelled, Note: $"Cancelled before its scheduled time: {cancellation.Reason}"));
            }

            Publish(progress with { Status = PaymentStatus.Submitted });
            PaymentSubmissionResult submitted;
            try
            {
                submitted = await context.CallActivityAsync<PaymentSubmissionResult>(nameof(SubmitSale), Submission(), ActivityOptions.SmartRetryOutage);
            }
            catch (TaskFailedException e)
            {
                return await FinishAsync(new PaymentVerdict(
                    PaymentStatus.NeedsAttention,
                    Note: $"SmartRetry could not be reached ({e.FailureDetails.ErrorType}); whether the sale was taken is unknown: look it up by its idempotency key before charging again."));
            }

            orderId = submitted.OrderId;
            if (submitted.TransactionId is { } transactionId)
            {
                tracker = new TransactionTracker(context, input.PaymentId, transactionId, logger, OnTrackingProgress);
            }

            if (submitted.Rejection is { } rejection)
            {
                // A 409 means our key met a different body: a bug on our side, and the first request may have gone through.
                PaymentStatus status = rejection.HttpStatus == 409 ? PaymentStatus.NeedsAttention : PaymentStatus.Error;
                return await FinishAsync(new PaymentVerdict(status, rejection.ReasonCode, Note: $"Refused before processing (HTTP {rejection.HttpStatus?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"})."));
            }

            if (!submitted.Accepted)
            {
                // The decline itself is SmartRetry's answer; the status read only adds why (reason code, card summary).
                TransactionSnapshot? declined = tracker is null ? null : await tracker.ReadStatusAsync();
                return await FinishAsync(new PaymentVerdict(PaymentStatus.Declined, declined?.ReasonCode));
            }

            if (tracker is null)
            {
                return await FinishAsync(new PaymentVerdict(PaymentStatus.NeedsAttention, Note: "Accepted without a transaction id: the outcome cannot be tracked."));
            }

            // The submit activity has recorded the sale as processing in the ledger.
            DateTime deadline = context.CurrentUtcDateTime + input.Tracking.Deadline;
            Publish(progress with { Status = PaymentStatus.Processing, TransactionId = TransactionId, Deadline = new DateTimeOffset(deadline) });
            return await FinishAsync(await tracker.AwaitOutcomeAsync(input.Tracking, deadline, submitted.EarlyEvents));
        }

        /// <summary>Null when the time came; the cancel request when the merchant cancelled first.</summary>
        private async Task<CancelRequest?> WaitForScheduledTimeAsync(DateTime scheduledAtUtc)
        {
            Publish(progress);
            using var timerCancellation = new CancellationTokenSource();
            Task due = context.CreateTimer(scheduledAtUtc, timerCancellation.Token);
            Task<CancelRequest> cancelRequested = context.WaitForExternalEvent<CancelRequest>(OrchestrationEventNames.CancelRequested);
            if (await Task.WhenAny(due, cancelRequested) == due)
            {
                return null;
            }

            timerCancellation.Cancel();
            return await cancelRequested;
        }

        private void OnTrackingProgress(TransactionProgress tracked) => Publish(progress with
        {
            RetriesScheduled = tracked.RetriesScheduled,
            RetriesAttempted = tracked.RetriesAttempted,
            AttemptNumber = tracked.AttemptNumber,
        });

        private async Task<SaleOutcome> FinishAsync(PaymentVerdict verdict)
        {
            await RecordAsync(verdict.Status, verdict.ReasonCode, verdict.Note);
            Publish(progress with { Status = verdict.Status });
            SaleLog.SaleEnded(logger, input.PaymentId, verdict.Status, TransactionId, verdict.ReasonCode);
            return new SaleOutcome(input.PaymentId, verdict.Status, TransactionId, verdict.ReasonCode, progress.AttemptNumber, verdict.Note);
        }

        private Task<bool> RecordAsync(PaymentStatus status, string? reasonCode, string? note) =>
            context.CallActivityAsync<bool>(
                nameof(RecordPayment),
                new PaymentLedgerEntry(
                    input.PaymentId,
                    input.MerchantTransactionId,
                    PaymentKind.Sale,
                    input.Amount,
                    input.Currency,
                    status,
                    new DateTimeOffset(context.CurrentUtcDateTime),
                    TransactionId,
                    orderId,
                    reasonCode,
                    progress.AttemptNumber,
                    tracker?.Card,
                    note),
                ActivityOptions.Storage);

        private SaleSubmission Submission() => new(
            input.PaymentId,
            IdempotencyKeys.Derive(context.InstanceId, SubmitStep),
            input.MerchantTransactionId,
            input.Amount,
            input.Currency,
            input.Payer,
            input.Description,
            input.MerchantOrderId)
        {
            Card = input.Card,
        };

        private void Publish(SaleProgress next)
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

/// <summary>Structured log messages of the sale orchestration and its activities. None carries card data.</summary>
internal static partial class SaleLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Sale {PaymentId} submitted: transaction {TransactionId}, accepted {Accepted}, replayed {Replayed}")]
    public static partial void SaleSubmitted(ILogger logger, string paymentId, string? transactionId, bool accepted, bool replayed);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Sale {PaymentId} refused by SmartRetry: HTTP {StatusCode} {ReasonCode}")]
    public static partial void SaleRefused(ILogger logger, string paymentId, int? statusCode, string? reasonCode);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Error, Message = "Sale {PaymentId}: the sealed card cannot be opened; not submitted")]
    public static partial void CardUnreadable(ILogger logger, string paymentId);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Information, Message = "Sale {PaymentId}: SmartRetry had answered before this attempt; its recorded answer is used (transaction {TransactionId})")]
    public static partial void AnswerRecorded(ILogger logger, string paymentId, string? transactionId);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Warning, Message = "Sale {PaymentId}: no card is held for it any longer; not submitted")]
    public static partial void CardNotHeld(ILogger logger, string paymentId);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "Sale {PaymentId} ended as {Status} (transaction {TransactionId}, reason {ReasonCode})")]
    public static partial void SaleEnded(ILogger logger, string paymentId, PaymentStatus status, string? transactionId, string? reasonCode);
}
