using System.Text.Json.Serialization;
using SmartRetry.Simulator.Domain;
using SmartRetry.Simulator.Http;

namespace SmartRetry.Simulator.Contracts;

/// <summary>One scheduled charge (§2.12), also the items of a series' <c>future_transactions</c>.</summary>
internal sealed record FutureTransactionBody(
    [property: JsonPropertyName("future_transaction_id")] string FutureTransactionId,
    [property: JsonPropertyName("recurring_id")] string RecurringId,
    [property: JsonPropertyName("scheduled_date")] string ScheduledDate,
    [property: JsonPropertyName("sequence_number")] int SequenceNumber,
    [property: JsonPropertyName("amount")] decimal Amount,
    [property: JsonPropertyName("currency")] string Currency,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("executed_transaction")] string? ExecutedTransaction,
    [property: JsonPropertyName("executed_at")] string? ExecutedAt)
{
    public static FutureTransactionBody From(FutureTransaction future) =>
        new(
            future.FutureTransactionId,
            future.RecurringId,
            Iso8601.Date(future.ScheduledDate),
            future.SequenceNumber,
            future.Amount,
            future.Currency,
            future.Status,
            future.ExecutedTransactionId,
            future.ExecutedAt is { } executedAt ? Iso8601.Timestamp(executedAt) : null);
}
