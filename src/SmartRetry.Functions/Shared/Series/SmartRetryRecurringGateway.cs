using SmartRetry.Client;
using SmartRetry.Client.Errors;
using SmartRetry.Client.FutureTransactions;
using SmartRetry.Client.Models;
using SmartRetry.Client.Recurring;
using SmartRetry.Functions.Shared.Gateway;
using ClientManagement = SmartRetry.Client.Recurring.RecurringManagement;
using ClientSchedule = SmartRetry.Client.Recurring.RecurringSchedule;

namespace SmartRetry.Functions.Shared.Series;

/// <summary>
/// <see cref="ISmartRetryRecurringGateway"/> over <see cref="SmartRetryClient"/>: maps the app's records to the client's
/// request models and back. Every POST carries the caller's idempotency key; errors follow
/// <see cref="SmartRetryCallTranslation"/>.
/// </summary>
public sealed class SmartRetryRecurringGateway(SmartRetryClient client) : ISmartRetryRecurringGateway
{
    public Task<RecurringInitReply> InitRecurringAsync(RecurringInitSubmission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var request = new RecurringInitRequest
        {
            Amount = submission.Amount,
            Currency = submission.Currency,
            Recurring = ToClient(submission.ManagedBy, submission.Schedule),
            PaymentInstrument = new PaymentInstrument
            {
                CardNumber = submission.Card.Number,
                ExpiryMonth = submission.Card.ExpiryMonth,
                ExpiryYear = submission.Card.ExpiryYear,
                CardholderName = submission.Card.HolderName,
            },
            Cvv = submission.Card.Cvv,
            Payer = new Payer
            {
                FirstName = submission.Payer.FirstName,
                LastName = submission.Payer.LastName,
                Email = submission.Payer.Email,
                PhoneNumber = submission.Payer.PhoneNumber,
            },
        };
        return SmartRetryCallTranslation.CallAsync(async () =>
        {
            SmartRetryResponse<Client.Recurring.RecurringInitResult> response =
                await client.Recurring.InitAsync(request, submission.IdempotencyKey, cancellationToken);
            Client.Recurring.RecurringInitResult value = response.Value;
            return new RecurringInitReply(value.Accepted, value.TransactionId, value.OrderId, value.RecurringId);
        });
    }

    public Task<RecurringSnapshot> GetRecurringAsync(string recurringId, CancellationToken cancellationToken) =>
        SmartRetryCallTranslation.CallAsync(async () =>
        {
            SmartRetryResponse<RecurringStatus> response = await client.Recurring.GetStatusAsync(recurringId, cancellationToken);
            return ToSnapshot(recurringId, response.Value);
        });

    public Task<SubmissionResult> ChargeRecurringAsync(RecurringChargeSubmission charge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(charge);
        var request = new RecurringChargeRequest { RecurringId = charge.RecurringId, Amount = charge.Amount, Currency = charge.Currency };
        return SmartRetryCallTranslation.CallAsync(async () =>
        {
            SmartRetryResponse<RecurringChargeResult> response = await client.Recurring.ChargeAsync(request, charge.IdempotencyKey, cancellationToken);
            return new SubmissionResult(response.Value.Accepted, response.Value.TransactionId, response.Value.OrderId, response.IdempotencyReplayed);
        });
    }

    public Task<bool> UpdateRecurringAsync(RecurringUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        var request = new RecurringUpdateRequest { RecurringId = update.RecurringId, Amount = update.Amount, NumberOfPayments = update.NumberOfPayments };
        return SmartRetryCallTranslation.CallAsync(async () => (await client.Recurring.UpdateAsync(request, cancellationToken)).Value.Accepted);
    }

    public Task<bool> CancelRecurringAsync(string idempotencyKey, string recurringId, CancellationToken cancellationToken)
    {
        var request = new RecurringCancelRequest { RecurringId = recurringId };
        return SmartRetryCallTranslation.CallAsync(async () => (await client.Recurring.CancelAsync(request, idempotencyKey, cancellationToken)).Value.Accepted);
    }

    public Task<FutureTransactionSnapshot> GetFutureTransactionAsync(string futureTransactionId, CancellationToken cancellationToken) =>
        SmartRetryCallTranslation.CallAsync(async () =>
            ToSnapshot((await client.FutureTransactions.GetStatusAsync(futureTransactionId, cancellationToken)).Value, requestedId: futureTransactionId, recurringId: null));

    public Task<bool> UpdateFutureTransactionAsync(FutureTransactionUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        var request = new FutureTransactionUpdateRequest
        {
            FutureTransactionId = update.FutureTransactionId,
            RecurringId = update.RecurringId,
            Amount = update.Amount,
            ScheduledDate = update.ScheduledDate,
        };
        return SmartRetryCallTranslation.CallAsync(async () => (await client.FutureTransactions.UpdateAsync(request, cancellationToken)).Value.Accepted);
    }

    public Task<SubmissionResult> ChargeFutureTransactionAsync(FutureTransactionCharge charge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(charge);
        var request = new FutureTransactionChargeRequest { FutureTransactionId = charge.FutureTransactionId, RecurringId = charge.RecurringId, Amount = charge.Amount };
        return SmartRetryCallTranslation.CallAsync(async () =>
        {
            SmartRetryResponse<FutureTransactionChargeResult> response = await client.FutureTransactions.ChargeAsync(request, charge.IdempotencyKey, cancellationToken);
            return new SubmissionResult(response.Value.Accepted, response.Value.TransactionId, response.Value.OrderId, response.IdempotencyReplayed);
        });
    }

    public Task<bool> CancelFutureTransactionAsync(string idempotencyKey, string futureTransactionId, string recurringId, CancellationToken cancellationToken)
    {
        var request = new FutureTransactionCancelRequest { FutureTransactionId = futureTransactionId, RecurringId = recurringId };
        return SmartRetryCallTranslation.CallAsync(async () => (await client.FutureTransactions.CancelAsync(request, idempotencyKey, cancellationToken)).Value.Accepted);
    }

    /// <summary>A merchant-managed series is scheduled by us, so only <c>managed_by</c> is sent for it.</summary>
    private static ClientSchedule ToClient(SeriesManagement managedBy, SeriesSchedule? schedule) =>
        managedBy == SeriesManagement.Merchant || schedule is null
            ? new ClientSchedule { ManagedBy = ToClient(managedBy) }
            : new ClientSchedule
            {
                ManagedBy = ToClient(managedBy),
                FirstPaymentDate = schedule.FirstPaymentDate,
                RecurringDateType = schedule.Frequency switch
                {
                    RecurrenceFrequency.Daily => RecurringInterval.Daily,
                    RecurrenceFrequency.Weekly => RecurringInterval.Weekly,
                    RecurrenceFrequency.Monthly => RecurringInterval.Monthly,
                    RecurrenceFrequency.Yearly => RecurringInterval.Yearly,
                    _ => throw new ArgumentOutOfRangeException(nameof(schedule), schedule.Frequency, "Unknown recurrence frequency."),
                },
                TimeInterval = schedule.TimeInterval,
                NumberOfPayments = schedule.NumberOfPayments,
                CancellationDate = schedule.CancellationDate,
            };

    private static ClientManagement ToClient(SeriesManagement managedBy) => managedBy switch
    {
        SeriesManagement.Merchant => ClientManagement.Merchant,
        SeriesManagement.OurPlatform => ClientManagement.OurPlatform,
        SeriesManagement.PaymentProvider => ClientManagement.PaymentProvider,
        _ => throw new ArgumentOutOfRangeException(nameof(managedBy), managedBy, "Unknown recurring management."),
    };

    private static RecurringSnapshot ToSnapshot(string recurringId, RecurringStatus status)
    {
        RecurringState state = status.Status != RecurringState.Unrecognized ? status.Status : status.Recurring?.Status ?? RecurringState.Unrecognized;
        return new RecurringSnapshot(
            status.RecurringId ?? recurringId,
            state switch
            {
                RecurringState.Active => RecurringSeriesStatus.Active,
                RecurringState.Paused => RecurringSeriesStatus.Paused,
                RecurringState.Cancelled => RecurringSeriesStatus.Cancelled,
                RecurringState.Completed => RecurringSeriesStatus.Completed,
                _ => throw Unreadable("Recurring.Status", "status"),
            },
            status.Recurring?.ManagedBy switch
            {
                ClientManagement.Merchant => SeriesManagement.Merchant,
                ClientManagement.OurPlatform => SeriesManagement.OurPlatform,
                ClientManagement.PaymentProvider => SeriesManagement.PaymentProvider,
                _ => throw Unreadable("Recurring.Status", "recurring.managed_by"),
            },
            status.Recurring?.CompletedPayments ?? status.CompletedTransactions.Count,
            status.Recurring?.RemainingPayments,
            [.. status.FutureTransactions.Select(future => ToSnapshot(future, requestedId: null, status.RecurringId ?? recurringId))],
            // An item without an accepted flag (the OpenAPI shape) does not say whether it was approved; the future
            // transaction's own watch learns that from the transaction, so such items are not guessed at here.
            [.. status.CompletedTransactions
                .Where(charge => (charge.TransactionId ?? charge.ExecutedTransaction) is not null && charge.Accepted is not null && charge.Amount is not null && charge.Currency is not null)
                .Select(charge => new RecurringChargeRecord((charge.TransactionId ?? charge.ExecutedTransaction)!, charge.OrderId, charge.Amount!.Value, charge.Currency!, charge.Accepted!.Value))]);
    }

    private static FutureTransactionSnapshot ToSnapshot(FutureTransaction future, string? requestedId, string? recurringId) =>
        new(
            future.FutureTransactionId ?? requestedId ?? throw Unreadable("FutureTransactions.Status", "future_transaction_id"),
            future.RecurringId ?? recurringId ?? throw Unreadable("FutureTransactions.Status", "recurring_id"),
            future.ScheduledDate ?? throw Unreadable("FutureTransactions.Status", "scheduled_date"),
            future.SequenceNumber,
            future.Amount ?? throw Unreadable("FutureTransactions.Status", "amount"),
            future.Currency ?? throw Unreadable("FutureTransactions.Status", "currency"),
            future.Status switch
            {
                FutureTransactionState.Pending => FutureTransactionStatus.Pending,
                FutureTransactionState.Processing => FutureTransactionStatus.Processing,
                FutureTransactionState.Completed => FutureTransactionStatus.Completed,
                FutureTransactionState.Failed => FutureTransactionStatus.Failed,
                FutureTransactionState.Cancelled => FutureTransactionStatus.Cancelled,
                _ => FutureTransactionStatus.Unknown,
            },
            future.ExecutedTransaction,
            future.ExecutedAt);

    /// <summary>An answer this mapping cannot read is SmartRetry's fault, not the request's: it is not a rejection.</summary>
    private static SmartRetryApiException Unreadable(string operation, string field) =>
        new($"SmartRetry's {operation} answer has no readable {field}.") { Operation = operation };
}
