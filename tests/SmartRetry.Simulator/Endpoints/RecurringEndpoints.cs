using SmartRetry.Simulator.Contracts;
using SmartRetry.Simulator.Domain;
using SmartRetry.Simulator.Http;
using SmartRetry.Simulator.Processing;
using SmartRetry.Simulator.Time;

namespace SmartRetry.Simulator.Endpoints;

/// <summary>Recurring init, status, charge, update and cancel (§2.7–2.11).</summary>
internal static class RecurringEndpoints
{
    public static IReadOnlyList<string> ManagedByModes { get; } = ["merchant", "our_platform", "payment_provider"];

    public static void MapRecurringEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapJson("POST", "/v1/payments/recurring/init/{terminal_friendly_id}", Init);
        app.MapGet("/v1/payments/recurring/status/{terminal_friendly_id}", (HttpContext context) =>
        {
            SimulatorState state = context.RequestServices.GetRequiredService<SimulatorState>();
            string recurringId = context.RequiredQuery("recurring_id", 8);
            lock (state.Sync)
            {
                return Results.Json(RecurringStatusResponse.From(Find(state, recurringId), state.Transactions), SimulatorJson.Options);
            }
        });
        app.MapJson("POST", "/v1/payments/recurring/charge/{terminal_friendly_id}", Charge);
        app.MapJson("PUT", "/v1/payments/recurring/update/{terminal_friendly_id}", Update);
        app.MapJson("POST", "/v1/payments/recurring/cancel/{terminal_friendly_id}", Cancel);
    }

    public static RecurringSeries Find(SimulatorState state, string recurringId) =>
        state.Series.TryGetValue(recurringId, out RecurringSeries? series)
            ? series
            : throw new ApiProblemException(StatusCodes.Status404NotFound, "RECURRING_NOT_FOUND", $"no recurring series {recurringId} on this terminal", "recurring_id");

    private static PaymentResponse Init(JsonObjectReader body, HttpContext context)
    {
        SimulatorState state = context.RequestServices.GetRequiredService<SimulatorState>();
        SimulatorClock clock = context.RequestServices.GetRequiredService<SimulatorClock>();
        InstrumentReader instruments = context.RequestServices.GetRequiredService<InstrumentReader>();
        RecurringBook book = context.RequestServices.GetRequiredService<RecurringBook>();
        lock (state.Sync)
        {
            decimal amount = body.Amount("amount", required: true)!.Value;
            string currency = body.Currency("currency", required: true)!;
            JsonObjectReader recurring = body.Object("recurring", required: true)!.Value;
            string managedBy = recurring.OneOf("managed_by", ManagedByModes, required: true)!;
            bool platform = managedBy == "our_platform";
            DateOnly? firstDate = recurring.Date("first_payment_date", required: platform);
            string? dateType = recurring.OneOf("recurring_date_type", RecurringSchedule.DateTypes, required: platform);
            int? interval = recurring.Integer("time_interval", 1, 1000, required: platform);
            int? count = recurring.Integer("number_of_payments", 1, 100_000);
            DateOnly? cancellation = recurring.Date("cancellation_date");
            if (firstDate < clock.Today)
            {
                throw ApiProblemException.Invalid("recurring.first_payment_date", "first_payment_date must not be in the past", "INVALID_START_DATE");
            }

            RecurringSchedule? schedule = managedBy != "merchant" && firstDate is DateOnly first && dateType is not null && interval is int every
                ? new RecurringSchedule(first, dateType, every)
                : null;

            Payer? payer = instruments.ReadPayer(body.Object("payer"));
            string? payerFingerprint = body.String("payer_fingerprint", exactLength: 88);
            if (payer is null && payerFingerprint is null)
            {
                throw ApiProblemException.Missing("payer");
            }

            if (payer is not null && payerFingerprint is not null)
            {
                throw ApiProblemException.Invalid("payer_fingerprint", "send either payer or payer_fingerprint, not both");
            }

            CardOnFile card = instruments.ReadCard(body.Object("payment_instrument"), body, "token", "payment_instrument");
            instruments.Keep(card);
            var series = new RecurringSeries
            {
                RecurringId = state.Ids.Recurring(),
                Order = new Order(state.Ids.Order(), MerchantOrderId: null, Description: null, payer),
                ManagedBy = managedBy,
                Currency = currency,
                Card = card,
                Amount = amount,
                Schedule = schedule,
                NumberOfPayments = count,
                CancellationDate = cancellation,
            };
            (Transaction charge, bool accepted) = book.Start(series);
            return new PaymentResponse(charge.TransactionId, series.Order.OrderId, accepted) { RecurringId = series.RecurringId };
        }
    }

    private static PaymentResponse Charge(JsonObjectReader body, HttpContext context)
    {
        SimulatorState state = context.RequestServices.GetRequiredService<SimulatorState>();
        RecurringBook book = context.RequestServices.GetRequiredService<RecurringBook>();
        lock (state.Sync)
        {
            RecurringSeries series = Find(state, body.String("recurring_id", required: true, exactLength: 8)!);
            decimal amount = body.Amount("amount") ?? series.Amount;
            string currency = body.Currency("currency") ?? series.Currency;
            body.String("cvv", pattern: RequestPatterns.Cvv());
            if (series.ManagedBy != "merchant")
            {
                throw ApiProblemException.Conflict("RECURRING_NOT_MANAGED_BY_MERCHANT", $"series {series.RecurringId} is managed by {series.ManagedBy}; only merchant-managed series are charged on request");
            }

            RequireActive(series);
            (Transaction charge, bool accepted) = book.Charge(series, "recurring", amount, currency, future: null);
            return new PaymentResponse(charge.TransactionId, series.Order.OrderId, accepted) { RecurringId = series.RecurringId };
        }
    }

    private static ChangeResponse Update(JsonObjectReader body, HttpContext context)
    {
        SimulatorState state = context.RequestServices.GetRequiredService<SimulatorState>();
        SimulatorClock clock = context.RequestServices.GetRequiredService<SimulatorClock>();
        RecurringBook book = context.RequestServices.GetRequiredService<RecurringBook>();
        lock (state.Sync)
        {
            RecurringSeries series = Find(state, body.String("recurring_id", required: true, exactLength: 8)!);
            decimal? amount = body.Amount("amount");
            DateOnly? firstDate = body.Date("first_payment_date");
            string? dateType = body.OneOf("recurring_date_type", RecurringSchedule.DateTypes);
            int? interval = body.Integer("time_interval", 1, 1000);
            int? count = body.Integer("number_of_payments", 1, 100_000);
            bool scheduleChange = firstDate is not null || dateType is not null || interval is not null;
            if (scheduleChange && !series.IsPlatformManaged)
            {
                throw ApiProblemException.Invalid("recurring_date_type", "schedule fields can only be changed on an our_platform series");
            }

            if (firstDate is not null && (series.Schedule!.FirstPaymentDate <= clock.Today || firstDate < clock.Today))
            {
                throw ApiProblemException.Invalid("first_payment_date", "first_payment_date can only change before the original start date", "INVALID_START_DATE");
            }

            RequireActive(series);
            if (amount is decimal newAmount)
            {
                series.Amount = newAmount;
                foreach (FutureTransaction future in series.FutureTransactions.Where(f => f.Status == "pending" && !f.AmountOverridden))
                {
                    future.Amount = newAmount;
                }
            }

            series.NumberOfPayments = count ?? series.NumberOfPayments;
            if (scheduleChange)
            {
                RecurringSchedule current = series.Schedule!;
                series.Schedule = new RecurringSchedule(firstDate ?? current.FirstPaymentDate, dateType ?? current.DateType, interval ?? current.TimeInterval);
            }

            if (scheduleChange || count is not null)
            {
                book.Replan(series);
            }

            return new ChangeResponse(Accepted: true) { RecurringId = series.RecurringId, Updated = true };
        }
    }

    private static ChangeResponse Cancel(JsonObjectReader body, HttpContext context)
    {
        SimulatorState state = context.RequestServices.GetRequiredService<SimulatorState>();
        RecurringBook book = context.RequestServices.GetRequiredService<RecurringBook>();
        lock (state.Sync)
        {
            RecurringSeries series = Find(state, body.String("recurring_id", required: true, exactLength: 8)!);
            if (series.Status == "cancelled")
            {
                throw ApiProblemException.Conflict("RECURRING_ALREADY_CANCELLED", $"series {series.RecurringId} is already cancelled");
            }

            book.Cancel(series);
            return new ChangeResponse(Accepted: true) { RecurringId = series.RecurringId, Cancelled = true };
        }
    }

    private static void RequireActive(RecurringSeries series)
    {
        if (!series.IsActive)
        {
            throw ApiProblemException.Conflict("RECURRING_NOT_ACTIVE", $"series {series.RecurringId} is {series.Status}");
        }
    }
}
