using System.Text.Json.Serialization;
using SmartRetry.Simulator.Domain;
using SmartRetry.Simulator.Http;

namespace SmartRetry.Simulator.Contracts;

/// <summary><c>data</c> of <c>transaction.*</c> events: the published example's fields plus attempt and series ids.</summary>
internal sealed record TransactionEventData(
    [property: JsonPropertyName("transaction_id")] string TransactionId,
    [property: JsonPropertyName("order_id")] string OrderId,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("amount")] decimal Amount,
    [property: JsonPropertyName("currency")] string Currency,
    [property: JsonPropertyName("attempt_number")] int AttemptNumber,
    [property: JsonPropertyName("status")] StatusBody Status)
{
    [JsonPropertyName("merchant_transaction_id")]
    public string? MerchantTransactionId { get; init; }

    [JsonPropertyName("recurring_id")]
    public string? RecurringId { get; init; }

    [JsonPropertyName("future_transaction_id")]
    public string? FutureTransactionId { get; init; }

    [JsonPropertyName("next_attempt_at")]
    public string? NextAttemptAt { get; init; }

    public static TransactionEventData From(Transaction transaction) =>
        new(transaction.TransactionId, transaction.Order.OrderId, transaction.Type, transaction.Amount, transaction.Currency,
            transaction.AttemptNumber, StatusBody.From(transaction.Status))
        {
            MerchantTransactionId = transaction.MerchantTransactionId,
            RecurringId = transaction.RecurringId,
            FutureTransactionId = transaction.FutureTransactionId,
        };
}

/// <summary><c>data</c> of <c>recurring.*</c> events.</summary>
internal sealed record RecurringEventData(
    [property: JsonPropertyName("recurring_id")] string RecurringId,
    [property: JsonPropertyName("order_id")] string OrderId,
    [property: JsonPropertyName("managed_by")] string ManagedBy,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("completed_payments")] int CompletedPayments)
{
    [JsonPropertyName("transaction_id")]
    public string? TransactionId { get; init; }

    [JsonPropertyName("future_transaction_id")]
    public string? FutureTransactionId { get; init; }

    public static RecurringEventData From(RecurringSeries series, Transaction? charge = null) =>
        new(series.RecurringId, series.Order.OrderId, series.ManagedBy, series.Status, series.CompletedPayments)
        {
            TransactionId = charge?.TransactionId,
            FutureTransactionId = charge?.FutureTransactionId,
        };
}

/// <summary><c>data</c> of <c>future_transaction.*</c> events.</summary>
internal sealed record FutureTransactionEventData(
    [property: JsonPropertyName("future_transaction_id")] string FutureTransactionId,
    [property: JsonPropertyName("recurring_id")] string RecurringId,
    [property: JsonPropertyName("scheduled_date")] string ScheduledDate,
    [property: JsonPropertyName("sequence_number")] int SequenceNumber,
    [property: JsonPropertyName("amount")] decimal Amount,
    [property: JsonPropertyName("currency")] string Currency,
    [property: JsonPropertyName("status")] string Status)
{
    [JsonPropertyName("executed_transaction")]
    public string? ExecutedTransaction { get; init; }

    public static FutureTransactionEventData From(FutureTransaction future) =>
        new(future.FutureTransactionId, future.RecurringId, Iso8601.Date(future.ScheduledDate), future.SequenceNumber, future.Amount, future.Currency, future.Status)
        {
            ExecutedTransaction = future.ExecutedTransactionId,
        };
}
