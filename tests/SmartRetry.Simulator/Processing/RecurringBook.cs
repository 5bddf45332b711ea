using SmartRetry.Simulator.Contracts;
using SmartRetry.Simulator.Domain;
using SmartRetry.Simulator.Time;
using SmartRetry.Simulator.Webhooks;

namespace SmartRetry.Simulator.Processing;

/// <summary>
/// Keeps recurring series: charges, completion, and for scheduled series (<c>our_platform</c>, and
/// <c>payment_provider</c> when given a schedule) the rolling window of future transactions executed at 00:00 UTC on
/// their dates. Called under <see cref="SimulatorState.Sync"/>.
/// </summary>
internal sealed class RecurringBook
{
    /// <summary>How many pending future transactions a scheduled series keeps ahead.</summary>
    public const int PendingWindow = 3;

    private readonly SimulatorState state;
    private readonly SimulatorClock clock;
    private readonly WorkScheduler scheduler;
    private readonly WebhookPublisher webhooks;
    private readonly PaymentProcessor processor;

    public RecurringBook(SimulatorState state, SimulatorClock clock, WorkScheduler scheduler, WebhookPublisher webhooks, PaymentProcessor processor)
    {
        this.state = state;
        this.clock = clock;
        this.scheduler = scheduler;
        this.webhooks = webhooks;
        this.processor = processor;
        processor.Finished += OnChargeFinished;
    }

    /// <summary>Registers a new series and runs its first charge (<c>recurring_init</c>); returns the charge and <c>accepted</c>.</summary>
    public (Transaction Charge, bool Accepted) Start(RecurringSeries series)
    {
        state.Series[series.RecurringId] = series;
        (Transaction charge, bool accepted) = Charge(series, "recurring_init", series.Amount, series.Currency, future: null);
        if (!accepted)
        {
            series.Status = "cancelled";
            return (charge, accepted);
        }

        webhooks.Publish("recurring.created", RecurringEventData.From(series, charge));
        TopUp(series);
        return (charge, accepted);
    }

    /// <summary>Runs one charge of the series now (merchant charge, or a future transaction executing).</summary>
    public (Transaction Charge, bool Accepted) Charge(RecurringSeries series, string type, decimal amount, string currency, FutureTransaction? future)
    {
        DateTimeOffset now = clock.UtcNow;
        var charge = new Transaction
        {
            TransactionId = state.Ids.Transaction(),
            Type = type,
            Order = series.Order,
            Amount = amount,
            Currency = currency,
            CreatedAt = now,
            UpdatedAt = now,
            Status = TransactionStatus.Processing,
            Card = series.Card,
            RecurringId = series.RecurringId,
            FutureTransactionId = future?.FutureTransactionId,
        };
        series.TransactionIds.Add(charge.TransactionId);
        if (future is not null)
        {
            future.Status = "processing";
            future.ExecutedTransactionId = charge.TransactionId;
            future.ExecutedAt = now;
        }

        if (type == "recurring")
        {
            webhooks.Publish("recurring.charged", RecurringEventData.From(series, charge));
        }

        if (future is not null && series.IsPlatformManaged)
        {
            webhooks.Publish("future_transaction.executed", FutureTransactionEventData.From(future));
        }

        bool accepted = processor.Authorize(charge);
        if (future is not null)
        {
            TopUp(series);
        }

        return (charge, accepted);
    }

    public void Cancel(RecurringSeries series)
    {
        series.Status = "cancelled";
        foreach (FutureTransaction future in series.FutureTransactions.Where(f => f.Status == "pending"))
        {
            future.Status = "cancelled";
        }

        webhooks.Publish("recurring.cancelled", RecurringEventData.From(series));
    }

    public void CancelOccurrence(RecurringSeries series, FutureTransaction future)
    {
        future.Status = "cancelled";
        webhooks.Publish("future_transaction.cancelled", FutureTransactionEventData.From(future));
        TopUp(series);
        CompleteIfDone(series);
    }

    /// <summary>Re-plans pending occurrences after a schedule or count change.</summary>
    public void Replan(RecurringSeries series)
    {
        foreach (FutureTransaction future in series.FutureTransactions.Where(f => f.Status == "pending").ToList())
        {
            series.FutureTransactions.Remove(future);
            state.FutureTransactions.Remove(future.FutureTransactionId);
        }

        TopUp(series);
        CompleteIfDone(series);
    }

    public void Reschedule(FutureTransaction future, DateOnly date)
    {
        future.ScheduledDate = date;
        ScheduleExecution(future);
    }

    private void TopUp(RecurringSeries series)
    {
        if (!series.IsActive || series.Schedule is null)
        {
            return;
        }

        while (series.FutureTransactions.Count(f => f.Status == "pending") < PendingWindow && NextOccurrenceDate(series) is DateOnly date)
        {
            var future = new FutureTransaction
            {
                FutureTransactionId = state.Ids.FutureTransaction(),
                RecurringId = series.RecurringId,
                SequenceNumber = series.FutureTransactions.Count + 2,
                ScheduledDate = date,
                Amount = series.Amount,
                Currency = series.Currency,
            };
            series.FutureTransactions.Add(future);
            state.FutureTransactions[future.FutureTransactionId] = future;
            if (series.IsPlatformManaged)
            {
                webhooks.Publish("future_transaction.scheduled", FutureTransactionEventData.From(future));
            }

            ScheduleExecution(future);
        }
    }

    /// <summary>The date of the next occurrence to plan, or null when the count or the cancellation date ends the series.</summary>
    private static DateOnly? NextOccurrenceDate(RecurringSeries series)
    {
        int sequence = series.FutureTransactions.Count + 2;
        if (series.NumberOfPayments is int total && sequence > total)
        {
            return null;
        }

        DateOnly date = series.Schedule!.DateOf(sequence);
        return series.CancellationDate is DateOnly end && date >= end ? null : date;
    }

    private void ScheduleExecution(FutureTransaction future)
    {
        DateOnly expected = future.ScheduledDate;
        var due = new DateTimeOffset(expected.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        scheduler.Schedule(due, $"execute {future.FutureTransactionId} on {expected}", () =>
        {
            lock (state.Sync)
            {
                if (future.Status == "pending" && future.ScheduledDate == expected && state.Series.TryGetValue(future.RecurringId, out RecurringSeries? series) && series.IsActive)
                {
                    Charge(series, "recurring", future.Amount, future.Currency, future);
                }
            }
        });
    }

    private void OnChargeFinished(Transaction charge)
    {
        if (charge.RecurringId is null || !state.Series.TryGetValue(charge.RecurringId, out RecurringSeries? series))
        {
            return;
        }

        bool approved = charge.Status.Status == "APPROVED";
        series.CompletedPayments += approved ? 1 : 0;
        if (charge.FutureTransactionId is not null && state.FutureTransactions.TryGetValue(charge.FutureTransactionId, out FutureTransaction? future))
        {
            future.Status = approved ? "completed" : "failed";
        }

        CompleteIfDone(series);
    }

    public void CompleteIfDone(RecurringSeries series)
    {
        bool inFlight = series.TransactionIds.Any(id => !state.Transactions[id].Status.IsFinal)
            || series.FutureTransactions.Any(f => f.Status is "pending" or "processing");
        bool countReached = series.NumberOfPayments is int total
            && (series.Schedule is null ? series.TransactionIds.Count : series.FutureTransactions.Count + 1) >= total;
        bool scheduleEnded = series.Schedule is not null && NextOccurrenceDate(series) is null;
        if (series.IsActive && !inFlight && (countReached || scheduleEnded || series.NumberOfPayments <= series.CompletedPayments))
        {
            series.Status = "completed";
            webhooks.Publish("recurring.completed", RecurringEventData.From(series));
        }
    }
}
