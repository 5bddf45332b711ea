using SmartRetry.Client.FutureTransactions;
using SmartRetry.Client.Models;
using SmartRetry.Client.Payments;
using SmartRetry.Client.Recurring;

namespace SmartRetry.Client.Validation;

/// <summary>Checks each request body against SmartRetry's published limits (https://www.smartretry.com/docs/api-reference/overview) before anything is sent; field names are JSON paths.</summary>
internal static class RequestValidator
{
    public static void Validate(PaymentRequest request, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(request);
        FieldRules.Required(request.MerchantTransactionId, "merchant_transaction_id");
        FieldRules.MaxLength(request.MerchantTransactionId, 100, "merchant_transaction_id");
        FieldRules.Currency(request.Currency, "currency");
        FieldRules.Amount(request.Amount, request.Currency, "amount");
        FieldRules.Either(request.Order?.PaymentInstrument is not null, request.Token is not null, "order.payment_instrument", "token");
        FieldRules.Fingerprint(request.Token, "token");
        FieldRules.Cvv(request.Cvv, "cvv");
        FieldRules.MaxLength(request.Description, 500, "description");
        FieldRules.Identifier(request.OrderId, "order_id", required: false);
        if (request.Order is { } order)
        {
            FieldRules.MaxLength(order.MerchantOrderId, 100, "order.merchant_order_id");
            FieldRules.MaxLength(order.Description, 500, "order.description");
            ValidateInstrument(order.PaymentInstrument, today, FieldPaths.OrderInstrument);
            ValidatePayer(order.Payer, FieldPaths.OrderPayer);
        }
    }

    public static void Validate(CaptureRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ValidateReferences(request.TransactionReferenceId, request.OrderReferenceId);
        FieldRules.MaxLength(request.MerchantTransactionId, 100, "merchant_transaction_id");
        FieldRules.Amount(request.Amount, null, "amount");
        FieldRules.MaxLength(request.Description, 500, "description");
    }

    public static void Validate(RefundRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ValidateReferences(request.TransactionReferenceId, request.OrderReferenceId);
        FieldRules.MaxLength(request.MerchantTransactionId, 100, "merchant_transaction_id");
        FieldRules.Currency(request.Currency, "currency", required: false);
        FieldRules.Amount(request.Amount, request.Currency, "amount");
    }

    public static void Validate(VoidRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ValidateReferences(request.TransactionReferenceId, request.OrderReferenceId);
    }

    public static void Validate(RecurringInitRequest request, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(request);
        FieldRules.Currency(request.Currency, "currency");
        FieldRules.Amount(request.Amount, request.Currency, "amount");
        FieldRules.Required(request.Recurring, "recurring");
        RecurringSchedule schedule = request.Recurring;
        FieldRules.Defined(schedule.ManagedBy, "recurring.managed_by");
        if (schedule.ManagedBy == RecurringManagement.OurPlatform)
        {
            FieldRules.Required(schedule.FirstPaymentDate, "recurring.first_payment_date");
            FieldRules.Required(schedule.RecurringDateType, "recurring.recurring_date_type");
            FieldRules.Required(schedule.TimeInterval, "recurring.time_interval");
        }

        if (schedule.RecurringDateType is { } interval)
        {
            FieldRules.Defined(interval, "recurring.recurring_date_type");
        }

        FieldRules.AtLeastOne(schedule.TimeInterval, "recurring.time_interval");
        FieldRules.AtLeastOne(schedule.NumberOfPayments, "recurring.number_of_payments");
        FieldRules.Either(request.PaymentInstrument is not null, request.Token is not null, "payment_instrument", "token");
        FieldRules.Either(request.Payer is not null, request.PayerFingerprint is not null, "payer", "payer_fingerprint");
        FieldRules.Fingerprint(request.Token, "token");
        FieldRules.Fingerprint(request.PayerFingerprint, "payer_fingerprint");
        FieldRules.Cvv(request.Cvv, "cvv");
        ValidateInstrument(request.PaymentInstrument, today, FieldPaths.Instrument);
        ValidatePayer(request.Payer, FieldPaths.Payer);
    }

    public static void Validate(RecurringChargeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        FieldRules.Identifier(request.RecurringId, "recurring_id");
        FieldRules.Currency(request.Currency, "currency", required: false);
        FieldRules.Amount(request.Amount, request.Currency, "amount");
        FieldRules.Cvv(request.Cvv, "cvv");
    }

    public static void Validate(RecurringUpdateRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        FieldRules.Identifier(request.RecurringId, "recurring_id");
        FieldRules.Amount(request.Amount, null, "amount");
        if (request.RecurringDateType is { } interval)
        {
            FieldRules.Defined(interval, "recurring_date_type");
        }

        FieldRules.AtLeastOne(request.TimeInterval, "time_interval");
        FieldRules.AtLeastOne(request.NumberOfPayments, "number_of_payments");
    }

    public static void Validate(RecurringCancelRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        FieldRules.Identifier(request.RecurringId, "recurring_id");
    }

    public static void Validate(FutureTransactionUpdateRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ValidateOccurrence(request.FutureTransactionId, request.RecurringId);
        FieldRules.Amount(request.Amount, null, "amount");
    }

    public static void Validate(FutureTransactionChargeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ValidateOccurrence(request.FutureTransactionId, request.RecurringId);
        FieldRules.Amount(request.Amount, null, "amount");
    }

    public static void Validate(FutureTransactionCancelRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ValidateOccurrence(request.FutureTransactionId, request.RecurringId);
    }

    private static void ValidateReferences(string transactionReferenceId, string orderReferenceId)
    {
        FieldRules.Identifier(transactionReferenceId, "transaction_reference_id");
        FieldRules.Identifier(orderReferenceId, "order_reference_id");
    }

    private static void ValidateOccurrence(string futureTransactionId, string recurringId)
    {
        FieldRules.Identifier(futureTransactionId, "future_transaction_id");
        FieldRules.Identifier(recurringId, "recurring_id");
    }

    private static void ValidateInstrument(PaymentInstrument? instrument, DateOnly today, FieldPaths.InstrumentPaths path)
    {
        if (instrument is null)
        {
            return;
        }

        FieldRules.CardNumber(instrument.CardNumber, path.CardNumber);
        FieldRules.Expiry(instrument.ExpiryMonth, instrument.ExpiryYear, today, path.ExpiryMonth, path.ExpiryYear);
        FieldRules.Defined(instrument.PaymentMethod, path.PaymentMethod);
        FieldRules.MaxLength(instrument.CardholderName, 100, path.CardholderName);
        FieldRules.Fingerprint(instrument.CardProfile?.Fingerprint, path.Fingerprint);
    }

    private static void ValidatePayer(Payer? payer, FieldPaths.PayerPaths path)
    {
        if (payer is null)
        {
            return;
        }

        FieldRules.Required(payer.FirstName, path.FirstName);
        FieldRules.MaxLength(payer.FirstName, 50, path.FirstName);
        FieldRules.Required(payer.LastName, path.LastName);
        FieldRules.MaxLength(payer.LastName, 50, path.LastName);
        FieldRules.Email(payer.Email, path.Email);
        FieldRules.Identifier(payer.FriendlyId, path.FriendlyId, required: false);
        FieldRules.PhoneNumber(payer.PhoneNumber, path.PhoneNumber);
    }
}
