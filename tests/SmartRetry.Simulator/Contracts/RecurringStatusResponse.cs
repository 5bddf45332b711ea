using System.Text.Json.Serialization;
using SmartRetry.Simulator.Domain;
using SmartRetry.Simulator.Http;

namespace SmartRetry.Simulator.Contracts;

/// <summary>GET /v1/payments/recurring/status (§2.8).</summary>
internal sealed record RecurringStatusResponse(
    [property: JsonPropertyName("recurring_id")] string RecurringId,
    [property: JsonPropertyName("order_id")] string OrderId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("recurring")] RecurringBody Recurring,
    [property: JsonPropertyName("payment_instrument")] PaymentInstrumentBody PaymentInstrument,
    [property: JsonPropertyName("payer")] PayerBody? Payer,
    [property: JsonPropertyName("future_transactions")] IReadOnlyList<FutureTransactionBody> FutureTransactions,
    [property: JsonPropertyName("completed_transactions")] IReadOnlyList<CompletedTransactionBody> CompletedTransactions)
{
    public static RecurringStatusResponse From(RecurringSeries series, IReadOnlyDictionary<string, Transaction> transactions) =>
        new(
            series.RecurringId,
            series.Order.OrderId,
            series.Status,
            new RecurringBody(
                series.Status,
                series.ManagedBy,
                series.Schedule is null ? null : Iso8601.Date(series.Schedule.FirstPaymentDate),
                series.Schedule?.DateType,
                series.Schedule?.TimeInterval,
                series.NumberOfPayments,
                series.CancellationDate is { } cancellation ? Iso8601.Date(cancellation) : null,
                series.CompletedPayments,
                series.NumberOfPayments is int total ? Math.Max(0, total - series.TransactionIds.Count) : null),
            PaymentInstrumentBody.From(series.Card),
            PayerBody.From(series.Order.Payer),
            series.IsPlatformManaged ? [.. series.FutureTransactions.Where(f => f.Status is "pending" or "processing").Select(FutureTransactionBody.From)] : [],
            [.. series.TransactionIds.Select(id => transactions[id]).Select(CompletedTransactionBody.From)]);
}

internal sealed record RecurringBody(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("managed_by")] string ManagedBy,
    [property: JsonPropertyName("first_payment_date")] string? FirstPaymentDate,
    [property: JsonPropertyName("recurring_date_type")] string? RecurringDateType,
    [property: JsonPropertyName("time_interval")] int? TimeInterval,
    [property: JsonPropertyName("number_of_payments")] int? NumberOfPayments,
    [property: JsonPropertyName("cancellation_date")] string? CancellationDate,
    [property: JsonPropertyName("completed_payments")] int CompletedPayments,
    [property: JsonPropertyName("remaining_payments")] int? RemainingPayments);

internal sealed record CompletedTransactionBody(
    [property: JsonPropertyName("transaction_id")] string TransactionId,
    [property: JsonPropertyName("order_id")] string OrderId,
    [property: JsonPropertyName("amount")] decimal Amount,
    [property: JsonPropertyName("currency")] string Currency,
    [property: JsonPropertyName("accepted")] bool Accepted,
    [property: JsonPropertyName("status")] StatusBody Status)
{
    public static CompletedTransactionBody From(Transaction transaction) =>
        new(transaction.TransactionId, transaction.Order.OrderId, transaction.Amount, transaction.Currency,
            transaction.Status.Status is not ("DECLINED" or "ERROR"), StatusBody.From(transaction.Status));
}
