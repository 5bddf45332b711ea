using SmartRetry.Simulator.Contracts;
using SmartRetry.Simulator.Domain;
using SmartRetry.Simulator.Http;
using SmartRetry.Simulator.Processing;
using SmartRetry.Simulator.Time;

namespace SmartRetry.Simulator.Endpoints;

/// <summary>Sale, pre-auth, capture, refund, void and status (§2.1–2.6).</summary>
internal static class PaymentEndpoints
{
    public static void MapPaymentEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapJson("POST", "/v1/payments/sale/{terminal_friendly_id}", (body, context) => Charge(body, context, "sale"));
        app.MapJson("POST", "/v1/payments/preauth/{terminal_friendly_id}", (body, context) => Charge(body, context, "preauth"));
        app.MapJson("POST", "/v1/payments/capture/{terminal_friendly_id}", Capture);
        app.MapJson("POST", "/v1/payments/refund/{terminal_friendly_id}", Refund);
        app.MapJson("POST", "/v1/payments/void/{terminal_friendly_id}", Void);
        app.MapGet("/v1/payments/status/{terminal_friendly_id}/{transaction_id}", (string transaction_id, HttpContext context) =>
        {
            SimulatorState state = context.RequestServices.GetRequiredService<SimulatorState>();
            lock (state.Sync)
            {
                return Results.Json(TransactionStatusResponse.From(Find(state, transaction_id, "transaction_id")), SimulatorJson.Options);
            }
        });
        app.MapFallback("/v1/{**path}", (HttpContext context) =>
            ApiProblem.WriteAsync(context, StatusCodes.Status404NotFound, "RECORD_NOT_FOUND", $"{context.Request.Method} {context.Request.Path} is not a SmartRetry endpoint."));
    }

    private static PaymentResponse Charge(JsonObjectReader body, HttpContext context, string type)
    {
        (SimulatorState state, SimulatorClock clock, PaymentProcessor processor) = Services(context);
        InstrumentReader instruments = context.RequestServices.GetRequiredService<InstrumentReader>();
        lock (state.Sync)
        {
            string merchantTransactionId = body.String("merchant_transaction_id", required: true, maxLength: 100)!;
            decimal amount = body.Amount("amount", required: true)!.Value;
            string currency = body.Currency("currency", required: true)!;
            JsonObjectReader? order = body.Object("order");
            string? merchantOrderId = order?.String("merchant_order_id", maxLength: 100);
            string? orderDescription = order?.String("description", maxLength: 500);
            Payer? payer = instruments.ReadPayer(order?.Object("payer"));
            CardOnFile card = instruments.ReadCard(order?.Object("payment_instrument"), body, "token", "order.payment_instrument");
            string? description = body.String("description", maxLength: 500);
            string? existingOrderId = body.String("order_id", exactLength: 8);
            body.String("payer_request_ip_address", pattern: RequestPatterns.IPv4());
            if (Outcome.IsRefused(amount))
            {
                throw new ApiProblemException(StatusCodes.Status422UnprocessableEntity, "PROVIDER_POLICY_VIOLATION", "The payment provider's policy refuses this payment.");
            }

            Order attachedTo = existingOrderId is null
                ? new Order(state.Ids.Order(), merchantOrderId, orderDescription, payer)
                : state.Transactions.Values.Select(t => t.Order).FirstOrDefault(o => o.OrderId == existingOrderId)
                    ?? throw ApiProblemException.Invalid("order_id", "order_id is not a known order");

            instruments.Keep(card);
            DateTimeOffset now = clock.UtcNow;
            var transaction = new Transaction
            {
                TransactionId = state.Ids.Transaction(),
                Type = type,
                Order = attachedTo,
                Amount = amount,
                Currency = currency,
                CreatedAt = now,
                UpdatedAt = now,
                Status = TransactionStatus.Processing,
                MerchantTransactionId = merchantTransactionId,
                Description = description,
                Card = card,
            };
            bool accepted = processor.Authorize(transaction);
            return new PaymentResponse(transaction.TransactionId, attachedTo.OrderId, accepted)
            {
                MerchantTransactionId = merchantTransactionId,
                MerchantOrderId = attachedTo.MerchantOrderId,
            };
        }
    }

    private static PaymentResponse Capture(JsonObjectReader body, HttpContext context)
    {
        (SimulatorState state, SimulatorClock clock, PaymentProcessor processor) = Services(context);
        lock (state.Sync)
        {
            Transaction preauth = Referenced(state, body);
            string? merchantTransactionId = body.String("merchant_transaction_id", maxLength: 100);
            decimal? amount = body.Amount("amount");
            body.String("description", maxLength: 500);
            if (preauth.Type != "preauth")
            {
                throw ApiProblemException.Invalid("transaction_reference_id", "only a pre-authorization can be captured", "INVALID_TRANSACTION_TYPE_FOR_CAPTURE");
            }

            RequireApproved(preauth);
            if (preauth.Captured || preauth.Voided)
            {
                throw ApiProblemException.Invalid("transaction_reference_id", "the pre-authorization was already captured or voided", preauth.Voided ? "CAPTURE_NOT_ALLOWED_VOIDED" : "ALREADY_FULLY_CAPTURED");
            }

            if (amount > preauth.Amount)
            {
                throw ApiProblemException.Invalid("amount", "amount exceeds the authorized amount", "AMOUNT_EXCEEDS_AUTHORIZED");
            }

            preauth.Captured = true;
            return Settle(state, clock, processor, "capture", preauth, amount ?? preauth.Amount, preauth.Currency, merchantTransactionId);
        }
    }

    private static PaymentResponse Refund(JsonObjectReader body, HttpContext context)
    {
        (SimulatorState state, SimulatorClock clock, PaymentProcessor processor) = Services(context);
        lock (state.Sync)
        {
            Transaction original = Referenced(state, body);
            string? merchantTransactionId = body.String("merchant_transaction_id", maxLength: 100);
            decimal? amount = body.Amount("amount");
            string currency = body.Currency("currency") ?? original.Currency;
            if (original.Type is not ("sale" or "capture" or "recurring_init" or "recurring"))
            {
                throw ApiProblemException.Invalid("transaction_reference_id", "only a sale, capture or recurring charge can be refunded", "INVALID_TRANSACTION_TYPE_FOR_REFUND");
            }

            RequireApproved(original);
            if (currency != original.Currency)
            {
                throw ApiProblemException.Invalid("currency", "currency must match the original transaction", "CURRENCY_DID_NOT_MATCH_REFERENCED_TRANSACTION_CURRENCY");
            }

            decimal refund = amount ?? original.Amount - original.RefundedAmount;
            if (refund <= 0 || original.RefundedAmount + refund > original.Amount)
            {
                throw ApiProblemException.Invalid("amount", "refunds would exceed the original amount", "REFUND_AMOUNT_EXCEEDED");
            }

            original.RefundedAmount += refund;
            return Settle(state, clock, processor, "refund", original, refund, currency, merchantTransactionId);
        }
    }

    private static PaymentResponse Void(JsonObjectReader body, HttpContext context)
    {
        (SimulatorState state, SimulatorClock clock, PaymentProcessor processor) = Services(context);
        lock (state.Sync)
        {
            Transaction preauth = Referenced(state, body);
            if (preauth.Type != "preauth")
            {
                throw ApiProblemException.Invalid("transaction_reference_id", "only a pre-authorization can be voided; refund a sale", "INVALID_TRANSACTION_TYPE_FOR_VOID");
            }

            if (preauth.Captured)
            {
                throw ApiProblemException.Invalid("transaction_reference_id", "the pre-authorization was already captured", "TRANSACTION_ALREADY_CAPTURED");
            }

            if (preauth.Voided)
            {
                throw ApiProblemException.Invalid("transaction_reference_id", "the pre-authorization was already voided", "TRANSACTION_ALREADY_VOIDED");
            }

            preauth.Voided = true;
            preauth.Status = new TransactionStatus("CANCELLED", "CANCELLED", "PROCESSOR", "Cancelled", "The pre-authorization was voided.");
            preauth.UpdatedAt = clock.UtcNow;
            return Settle(state, clock, processor, "void", preauth, preauth.Amount, preauth.Currency, merchantTransactionId: null);
        }
    }

    private static PaymentResponse Settle(SimulatorState state, SimulatorClock clock, PaymentProcessor processor, string type, Transaction reference, decimal amount, string currency, string? merchantTransactionId)
    {
        DateTimeOffset now = clock.UtcNow;
        var transaction = new Transaction
        {
            TransactionId = state.Ids.Transaction(),
            Type = type,
            Order = reference.Order,
            Amount = amount,
            Currency = currency,
            CreatedAt = now,
            UpdatedAt = now,
            Status = TransactionStatus.Approved,
            MerchantTransactionId = merchantTransactionId,
            Card = reference.Card,
            ReferenceTransactionId = reference.TransactionId,
        };
        processor.Settle(transaction);
        return new PaymentResponse(transaction.TransactionId, reference.Order.OrderId, Accepted: true) { MerchantTransactionId = merchantTransactionId };
    }

    private static Transaction Referenced(SimulatorState state, JsonObjectReader body)
    {
        string transactionId = body.String("transaction_reference_id", required: true, exactLength: 8)!;
        string orderId = body.String("order_reference_id", required: true, exactLength: 8)!;
        Transaction transaction = Find(state, transactionId, "transaction_reference_id");
        return transaction.Order.OrderId == orderId
            ? transaction
            : throw ApiProblemException.Invalid("order_reference_id", "order_reference_id does not match the referenced transaction", "ORDER_ID_DID_NOT_MATCH_REFERENCED_TRANSACTION_ORDER_ID");
    }

    private static void RequireApproved(Transaction transaction)
    {
        if (transaction.Status.Status != "APPROVED")
        {
            throw ApiProblemException.Conflict("ORIGINAL_TRANSACTION_NOT_APPROVED", $"transaction {transaction.TransactionId} is {transaction.Status.Status}, not APPROVED");
        }
    }

    private static Transaction Find(SimulatorState state, string transactionId, string field) =>
        state.Transactions.TryGetValue(transactionId, out Transaction? transaction)
            ? transaction
            : throw new ApiProblemException(StatusCodes.Status404NotFound, "TRANSACTION_NOT_FOUND", $"no transaction {transactionId} on this terminal", field);

    private static (SimulatorState, SimulatorClock, PaymentProcessor) Services(HttpContext context) =>
        (context.RequestServices.GetRequiredService<SimulatorState>(),
         context.RequestServices.GetRequiredService<SimulatorClock>(),
         context.RequestServices.GetRequiredService<PaymentProcessor>());
}
