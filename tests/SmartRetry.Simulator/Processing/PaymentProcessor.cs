using SmartRetry.Simulator.Contracts;
using SmartRetry.Simulator.Domain;
using SmartRetry.Simulator.Http;
using SmartRetry.Simulator.Time;
using SmartRetry.Simulator.Webhooks;

namespace SmartRetry.Simulator.Processing;

/// <summary>
/// Runs a charge to its outcome by the amount conventions (<see cref="Outcome"/>), including SmartRetry's automatic
/// retries of soft declines, and publishes the <c>transaction.*</c> events. Called under <see cref="SimulatorState.Sync"/>.
/// </summary>
internal sealed class PaymentProcessor(SimulatorState state, SimulatorClock clock, WorkScheduler scheduler, WebhookPublisher webhooks)
{
    /// <summary>Raised (under the state lock) when a charge reaches APPROVED, DECLINED or ERROR.</summary>
    public event Action<Transaction>? Finished;

    /// <summary>Submits a charge; returns the response's <c>accepted</c> flag.</summary>
    public bool Authorize(Transaction transaction)
    {
        state.Transactions[transaction.TransactionId] = transaction;
        Outcome outcome = Outcome.For(transaction.Amount);
        switch (outcome.Kind)
        {
            case OutcomeKind.Approved:
                Approve(transaction);
                return true;
            case OutcomeKind.ProcessingThenApproved or OutcomeKind.ProcessingThenDeclined:
                Publish("transaction.pending", transaction);
                scheduler.Schedule(clock.UtcNow + Outcome.ProcessingDelay, $"resolve {transaction.TransactionId}", () => Locked(() =>
                {
                    if (outcome.Kind == OutcomeKind.ProcessingThenApproved)
                    {
                        Approve(transaction);
                    }
                    else
                    {
                        Decline(transaction, outcome.Decline!);
                    }
                }));
                return true;
            case OutcomeKind.Unknown:
                Update(transaction, TransactionStatus.Unknown);
                return true;
            case OutcomeKind.Error:
                Update(transaction, TransactionStatus.Error);
                Finished?.Invoke(transaction);
                return false;
            case OutcomeKind.HardDecline:
                Decline(transaction, outcome.Decline!);
                return false;
            default:
                Update(transaction, TransactionStatus.Retrying(outcome.Decline!));
                ScheduleRetry(transaction, outcome);
                return true;
        }
    }

    /// <summary>
    /// Settles a transaction that is not final (UNKNOWN, PROCESSING) as SmartRetry's operations would after looking
    /// into it: approved or declined, with its webhook or, when <paramref name="notify"/> is false, silently (only a
    /// status read learns it). False when the transaction is final already.
    /// </summary>
    public bool Resolve(Transaction transaction, bool approve, bool notify)
    {
        if (transaction.Status.IsFinal)
        {
            return false;
        }

        if (approve)
        {
            transaction.AuthorizationCode = state.Ids.AuthorizationCode();
            Update(transaction, TransactionStatus.Approved);
        }
        else
        {
            Update(transaction, TransactionStatus.Declined(DeclineReason.DoNotHonor));
        }

        if (notify)
        {
            Publish(approve ? "transaction.approved" : "transaction.declined", transaction);
        }

        Finished?.Invoke(transaction);
        return true;
    }

    /// <summary>Capture, refund and void settle at once and emit no events (the docs do not say they do).</summary>
    public void Settle(Transaction transaction)
    {
        transaction.AuthorizationCode = state.Ids.AuthorizationCode();
        state.Transactions[transaction.TransactionId] = transaction;
    }

    private void ScheduleRetry(Transaction transaction, Outcome outcome)
    {
        DateTimeOffset next = clock.UtcNow + Outcome.RetryDelays[transaction.AttemptNumber - 1];
        Publish("transaction.retry_scheduled", transaction, nextAttemptAt: next);
        scheduler.Schedule(next, $"retry {transaction.TransactionId}", () => Locked(() => Retry(transaction, outcome)));
    }

    private void Retry(Transaction transaction, Outcome outcome)
    {
        transaction.AttemptNumber++;
        if (outcome.Kind == OutcomeKind.SoftDeclineRecovered && transaction.AttemptNumber >= Outcome.RecoveredOnAttempt)
        {
            Update(transaction, TransactionStatus.Approved);
            Publish("transaction.retry_attempted", transaction);
            Approve(transaction);
        }
        else if (transaction.AttemptNumber >= Outcome.MaxAttempts)
        {
            Update(transaction, TransactionStatus.Declined(outcome.Decline!));
            Publish("transaction.retry_attempted", transaction);
            Decline(transaction, outcome.Decline!);
        }
        else
        {
            Update(transaction, TransactionStatus.Retrying(outcome.Decline!));
            Publish("transaction.retry_attempted", transaction);
            ScheduleRetry(transaction, outcome);
        }
    }

    private void Approve(Transaction transaction)
    {
        transaction.AuthorizationCode = state.Ids.AuthorizationCode();
        Update(transaction, TransactionStatus.Approved);
        Publish("transaction.approved", transaction);
        Finished?.Invoke(transaction);
    }

    private void Decline(Transaction transaction, DeclineReason reason)
    {
        Update(transaction, TransactionStatus.Declined(reason));
        Publish("transaction.declined", transaction);
        Finished?.Invoke(transaction);
    }

    private void Update(Transaction transaction, TransactionStatus status)
    {
        transaction.Status = status;
        transaction.UpdatedAt = clock.UtcNow;
    }

    private void Publish(string type, Transaction transaction, DateTimeOffset? nextAttemptAt = null) =>
        webhooks.Publish(type, TransactionEventData.From(transaction) with
        {
            NextAttemptAt = nextAttemptAt is { } next ? Iso8601.Timestamp(next) : null,
        });

    private void Locked(Action action)
    {
        lock (state.Sync)
        {
            action();
        }
    }
}
