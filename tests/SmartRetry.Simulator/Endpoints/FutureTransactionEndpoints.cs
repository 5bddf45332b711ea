using SmartRetry.Simulator.Contracts;
using SmartRetry.Simulator.Domain;
using SmartRetry.Simulator.Http;
using SmartRetry.Simulator.Processing;
using SmartRetry.Simulator.Time;

namespace SmartRetry.Simulator.Endpoints;

/// <summary>One scheduled charge of a platform-managed series: status, update, charge now, cancel (§2.12–2.15).</summary>
internal static class FutureTransactionEndpoints
{
    public static void MapFutureTransactionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/payments/recurring/future-transactions/status/{terminal_friendly_id}", (HttpContext context) =>
        {
            SimulatorState state = context.RequestServices.GetRequiredService<SimulatorState>();
            string futureId = context.RequiredQuery("future_transaction_id", 8);
            lock (state.Sync)
            {
                return Results.Json(FutureTransactionBody.From(Find(state, futureId)), SimulatorJson.Options);
            }
        });
        app.MapJson("PUT", "/v1/payments/recurring/future-transactions/update/{terminal_friendly_id}", Update);
        app.MapJson("POST", "/v1/payments/recurring/future-transactions/charge/{terminal_friendly_id}", Charge);
        app.MapJson("POST", "/v1/payments/recurring/future-transactions/cancel/{terminal_friendly_id}", Cancel);
    }

    private static ChangeResponse Update(JsonObjectReader body, HttpContext context)
    {
        SimulatorState state = context.RequestServices.GetRequiredService<SimulatorState>();
        SimulatorClock clock = context.RequestServices.GetRequiredService<SimulatorClock>();
        RecurringBook book = context.RequestServices.GetRequiredService<RecurringBook>();
        lock (state.Sync)
        {
            (RecurringSeries _, FutureTransaction future) = Read(state, body);
            decimal? amount = body.Amount("amount");
            DateOnly? date = body.Date("scheduled_date");
            if (date <= clock.Today)
            {
                throw ApiProblemException.Invalid("scheduled_date", "scheduled_date must be in the future", "INVALID_SCHEDULED_DATE");
            }

            RequirePending(future);
            if (amount is decimal newAmount)
            {
                future.Amount = newAmount;
                future.AmountOverridden = true;
            }

            if (date is DateOnly newDate)
            {
                book.Reschedule(future, newDate);
            }

            return new ChangeResponse(Accepted: true) { RecurringId = future.RecurringId, FutureTransactionId = future.FutureTransactionId, Updated = true };
        }
    }

    private static PaymentResponse Charge(JsonObjectReader body, HttpContext context)
    {
        SimulatorState state = context.RequestServices.GetRequiredService<SimulatorState>();
        RecurringBook book = context.RequestServices.GetRequiredService<RecurringBook>();
        lock (state.Sync)
        {
            (RecurringSeries series, FutureTransaction future) = Read(state, body);
            decimal amount = body.Amount("amount") ?? future.Amount;
            RequirePending(future);
            (Transaction charge, bool accepted) = book.Charge(series, "recurring", amount, future.Currency, future);
            return new PaymentResponse(charge.TransactionId, series.Order.OrderId, accepted)
            {
                RecurringId = series.RecurringId,
                FutureTransactionId = future.FutureTransactionId,
            };
        }
    }

    private static ChangeResponse Cancel(JsonObjectReader body, HttpContext context)
    {
        SimulatorState state = context.RequestServices.GetRequiredService<SimulatorState>();
        RecurringBook book = context.RequestServices.GetRequiredService<RecurringBook>();
        lock (state.Sync)
        {
            (RecurringSeries series, FutureTransaction future) = Read(state, body);
            RequirePending(future);
            book.CancelOccurrence(series, future);
            return new ChangeResponse(Accepted: true) { RecurringId = future.RecurringId, FutureTransactionId = future.FutureTransactionId, Cancelled = true };
        }
    }

    private static (RecurringSeries Series, FutureTransaction Future) Read(SimulatorState state, JsonObjectReader body)
    {
        string futureId = body.String("future_transaction_id", required: true, exactLength: 8)!;
        string recurringId = body.String("recurring_id", required: true, exactLength: 8)!;
        FutureTransaction future = Find(state, futureId);
        RecurringSeries series = RecurringEndpoints.Find(state, recurringId);
        return future.RecurringId == recurringId
            ? (series, future)
            : throw ApiProblemException.Invalid("recurring_id", "recurring_id does not match the future transaction", "RECURRING_ID_DID_NOT_MATCH_REFERENCED_FUTURE_TRANSACTION");
    }

    private static FutureTransaction Find(SimulatorState state, string futureId) =>
        state.FutureTransactions.TryGetValue(futureId, out FutureTransaction? future) && state.Series[future.RecurringId].IsPlatformManaged
            ? future
            : throw new ApiProblemException(StatusCodes.Status404NotFound, "FUTURE_TRANSACTION_NOT_FOUND", $"no future transaction {futureId} on this terminal", "future_transaction_id");

    private static void RequirePending(FutureTransaction future)
    {
        if (future.Status != "pending")
        {
            string reason = future.Status == "cancelled" ? "FUTURE_TRANSACTION_ALREADY_CANCELLED" : "FUTURE_TRANSACTION_ALREADY_EXECUTED";
            throw ApiProblemException.Conflict(reason, $"future transaction {future.FutureTransactionId} is {future.Status}");
        }
    }
}
