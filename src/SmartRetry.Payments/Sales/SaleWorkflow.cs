using Microsoft.Extensions.Logging;
using SmartRetry.Payments.Cards;
using SmartRetry.Payments.Gateway;
using SmartRetry.Payments.Ledger;
using SmartRetry.Payments.Sales.Activities;
using SmartRetry.Payments.Workflows;
using SmartRetry.Payments.Workflows.Events;

namespace SmartRetry.Payments.Sales;

/// <summary>
/// Runs one sale (architecture.md §3). A future-dated sale first waits on a durable timer and can be cancelled until
/// then. The sale is submitted once, with an idempotency key derived from the instance id. <c>accepted:false</c> is a
/// decline; otherwise the outcome comes from SmartRetry's webhooks, with status polls on a backoff timer when they do not
/// come, until a final status or the deadline. UNKNOWN ends as needs-attention and is never guessed. Every outcome is
/// recorded in the ledger.
/// </summary>
/// <remarks>
/// One wait for transaction events lives across all poll iterations and is re-armed only after it completed; it is
/// never cancelled, because a cancelled wait on Durable Task 1.25.0 swallows the next event of its name
/// (functions-api.md §8). Only the poll timers are cancelled. An approval is trusted as it arrives (APPROVED is
/// terminal); a decline, error or cancellation event is confirmed with a status poll, because SmartRetry does not say
/// whether those fire for each failed attempt that its own retries may still overturn (smartretry-api.md §6.2).
/// </remarks>
public static class SaleWorkflow
{
    private const string SubmitStep = "sale-submit";
    private const string RetryScheduledType = "transaction.retry_scheduled";
    private const string RetryAttemptedType = "transaction.retry_attempted";

    public static Task<SaleOutcome> RunAsync(IWorkflowContext context, SaleWorkflowInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        return new SaleRun(context, input).RunAsync();
    }

    private sealed class SaleRun(IWorkflowContext context, SaleWorkflowInput input)
    {
        private readonly ILogger logger = context.CreateReplaySafeLogger(typeof(SaleWorkflow).FullName!);
        private readonly HashSet<string> seenEventIds = [];
        private SaleProgress progress = new(PaymentStatus.Scheduled, ScheduledAt: input.ScheduledAt);
        private string? transactionId;
        private string? orderId;
        private CardSummary? card;
        private bool published;
        // The long-lived wait for transaction events, armed by AwaitOutcomeAsync before any use.
        private Task<TransactionEvent> nextEvent = null!;

        public async Task<SaleOutcome> RunAsync()
        {
            if (input.ScheduledAt is { } scheduledAt && scheduledAt.UtcDateTime > context.CurrentUtcDateTime
                && await WaitForScheduledTimeAsync(scheduledAt.UtcDateTime) is { } cancellation)
            {
                return await FinishAsync(new Verdict(PaymentStatus.Cancelled, Note: $"Cancelled before its scheduled time: {cancellation.Reason}"));
            }

            Publish(progress with { Status = PaymentStatus.Submitted });
            SubmitSaleResult submitted;
            try
            {
                submitted = await context.CallActivityAsync<SubmitSaleResult>(SaleWorkflowNames.SubmitSaleActivity, SubmitRequest(), ActivityRetryPolicy.SmartRetryOutage);
            }
            catch (WorkflowTaskFailedException e)
            {
                return await FinishAsync(new Verdict(
                    PaymentStatus.NeedsAttention,
                    Note: $"SmartRetry could not be reached ({e.FailureType}); whether the sale was taken is unknown: look it up by its idempotency key before charging again."));
            }

            transactionId = submitted.TransactionId;
            orderId = submitted.OrderId;
            if (submitted.Rejection is { } rejection)
            {
                // A 409 means our key met a different body: a bug on our side, and the first request may have gone through.
                PaymentStatus status = rejection.HttpStatus == 409 ? PaymentStatus.NeedsAttention : PaymentStatus.Error;
                return await FinishAsync(new Verdict(status, rejection.ReasonCode, Note: $"Refused before processing (HTTP {rejection.HttpStatus?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"})."));
            }

            if (!submitted.Accepted)
            {
                // The decline itself is SmartRetry's answer; the status read only adds why (reason code, card summary).
                TransactionSnapshot? declined = transactionId is null ? null : await ReadStatusAsync();
                return await FinishAsync(new Verdict(PaymentStatus.Declined, declined?.ReasonCode));
            }

            if (transactionId is null)
            {
                return await FinishAsync(new Verdict(PaymentStatus.NeedsAttention, Note: "Accepted without a transaction id: the outcome cannot be tracked."));
            }

            await RecordAsync(PaymentStatus.Submitted, reasonCode: null, note: null);
            return await FinishAsync(await AwaitOutcomeAsync());
        }

        /// <summary>Null when the time came; the cancel request when the merchant cancelled first.</summary>
        private async Task<CancelRequest?> WaitForScheduledTimeAsync(DateTime scheduledAtUtc)
        {
            Publish(progress);
            using var timerCancellation = new CancellationTokenSource();
            Task due = context.CreateTimer(scheduledAtUtc, timerCancellation.Token);
            Task<CancelRequest> cancelRequested = context.WaitForExternalEvent<CancelRequest>(WorkflowEventNames.CancelRequested);
            if (await Task.WhenAny(due, cancelRequested) == due)
            {
                return null;
            }

            timerCancellation.Cancel();
            return await cancelRequested;
        }

        private async Task<Verdict> AwaitOutcomeAsync()
        {
            DateTime deadline = context.CurrentUtcDateTime + input.Tracking.Deadline;
            Publish(progress with { Status = PaymentStatus.Processing, TransactionId = transactionId, Deadline = new DateTimeOffset(deadline) });
            TimeSpan pollDelay = input.Tracking.FirstPollDelay;
            nextEvent = context.WaitForExternalEvent<TransactionEvent>(WorkflowEventNames.Transaction);
            while (true)
            {
                using (var pollCancellation = new CancellationTokenSource())
                {
                    Task pollTimer = context.CreateTimer(Min(context.CurrentUtcDateTime + pollDelay, deadline), pollCancellation.Token);
                    while (await Task.WhenAny(nextEvent, pollTimer) == nextEvent)
                    {
                        if (await TakeEventAsync() is { } verdict)
                        {
                            pollCancellation.Cancel();
                            return verdict;
                        }
                    }
                }

                if (await PollAsync() is { } polled)
                {
                    return polled;
                }

                // Webhooks that arrived while the poll was in flight are news the deadline must not hide.
                while (nextEvent.IsCompleted)
                {
                    if (await TakeEventAsync() is { } verdict)
                    {
                        return verdict;
                    }
                }

                if (context.CurrentUtcDateTime >= deadline)
                {
                    return new Verdict(PaymentStatus.DeadlineReached,
                        Note: $"No final status within {input.Tracking.Deadline}; SmartRetry may still settle it: check before charging again.");
                }

                pollDelay = Min(pollDelay * input.Tracking.PollBackoff, input.Tracking.MaxPollInterval);
            }
        }

        /// <summary>Takes the event that completed the long-lived wait and arms the next wait before anything else happens.</summary>
        private async Task<Verdict?> TakeEventAsync()
        {
            TransactionEvent received = await nextEvent;
            nextEvent = context.WaitForExternalEvent<TransactionEvent>(WorkflowEventNames.Transaction);
            return await OnEventAsync(received);
        }

        private async Task<Verdict?> OnEventAsync(TransactionEvent received)
        {
            if (!seenEventIds.Add(received.EventId) || (received.TransactionId is { } id && id != transactionId))
            {
                return null;
            }

            SaleLog.TransactionEventReceived(logger, input.PaymentId, received.Type, received.TransactionId, received.AttemptNumber);
            int? attemptNumber = Max(progress.AttemptNumber, received.AttemptNumber);
            switch (received.Type)
            {
                case RetryScheduledType:
                    Publish(progress with { RetriesScheduled = progress.RetriesScheduled + 1, AttemptNumber = attemptNumber });
                    return null;
                case RetryAttemptedType:
                    Publish(progress with { RetriesAttempted = progress.RetriesAttempted + 1, AttemptNumber = attemptNumber });
                    return null;
            }

            Publish(progress with { AttemptNumber = attemptNumber });
            return received.Status switch
            {
                TransactionStatus.Approved => new Verdict(PaymentStatus.Approved, received.ReasonCode),
                TransactionStatus.Declined or TransactionStatus.Error or TransactionStatus.Cancelled or TransactionStatus.Unknown => await PollAsync(),
                _ => null,
            };
        }

        /// <summary>Reads SmartRetry's status: a verdict when it is final or UNKNOWN, null while it is processing or unreachable.</summary>
        private async Task<Verdict?> PollAsync() => await ReadStatusAsync() is not { } snapshot ? null : snapshot.Status switch
        {
            TransactionStatus.Approved => new Verdict(PaymentStatus.Approved, snapshot.ReasonCode),
            TransactionStatus.Declined => new Verdict(PaymentStatus.Declined, snapshot.ReasonCode),
            TransactionStatus.Error => new Verdict(PaymentStatus.Error, snapshot.ReasonCode),
            TransactionStatus.Cancelled => new Verdict(PaymentStatus.Cancelled, snapshot.ReasonCode),
            TransactionStatus.Unknown => new Verdict(PaymentStatus.NeedsAttention, snapshot.ReasonCode,
                "SmartRetry reported UNKNOWN: find out what happened before fulfilling or charging again."),
            _ => null,
        };

        /// <summary>The transaction as SmartRetry's status endpoint shows it; null when it stayed unreachable through the retry policy.</summary>
        private async Task<TransactionSnapshot?> ReadStatusAsync()
        {
            TransactionSnapshot snapshot;
            try
            {
                snapshot = await context.CallActivityAsync<TransactionSnapshot>(SaleWorkflowNames.GetSaleStatusActivity, transactionId, ActivityRetryPolicy.SmartRetryOutage);
            }
            catch (WorkflowTaskFailedException)
            {
                SaleLog.PollFailed(logger, input.PaymentId, transactionId!);
                return null;
            }

            card = snapshot.Card ?? card;
            Publish(progress with { AttemptNumber = Max(progress.AttemptNumber, snapshot.AttemptNumber) });
            return snapshot;
        }

        private async Task<SaleOutcome> FinishAsync(Verdict verdict)
        {
            await RecordAsync(verdict.Status, verdict.ReasonCode, verdict.Note);
            Publish(progress with { Status = verdict.Status });
            SaleLog.SaleEnded(logger, input.PaymentId, verdict.Status, transactionId, verdict.ReasonCode);
            return new SaleOutcome(input.PaymentId, verdict.Status, transactionId, verdict.ReasonCode, progress.AttemptNumber, verdict.Note);
        }

        private Task<bool> RecordAsync(PaymentStatus status, string? reasonCode, string? note) =>
            context.CallActivityAsync<bool>(
                SaleWorkflowNames.RecordSaleActivity,
                new PaymentLedgerEntry(
                    input.PaymentId,
                    input.MerchantTransactionId,
                    PaymentKind.Sale,
                    input.Amount,
                    input.Currency,
                    status,
                    new DateTimeOffset(context.CurrentUtcDateTime),
                    transactionId,
                    orderId,
                    reasonCode,
                    progress.AttemptNumber,
                    card,
                    note),
                ActivityRetryPolicy.Storage);

        private SubmitSaleRequest SubmitRequest() => new(
            input.PaymentId,
            IdempotencyKeys.Derive(context.InstanceId, SubmitStep),
            input.MerchantTransactionId,
            input.Amount,
            input.Currency,
            input.Card,
            input.Payer,
            input.Description,
            input.MerchantOrderId);

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

        private static int? Max(int? a, int? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

        private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

        private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
    }

    private sealed record Verdict(PaymentStatus Status, string? ReasonCode = null, string? Note = null);
}
