using System.Text.Json.Serialization;
using SmartRetry.Client.FutureTransactions;
using SmartRetry.Client.Models;

namespace SmartRetry.Client.Recurring;

/// <summary>A series' state, schedule, history and upcoming charges (https://www.smartretry.com/docs/api-reference/recurring/status).</summary>
public sealed record RecurringStatus
{
    [JsonPropertyName("recurring_id")]
    public string? RecurringId { get; init; }

    [JsonPropertyName("order_id")]
    public string? OrderId { get; init; }

    [JsonPropertyName("status")]
    public RecurringState Status { get; init; }

    [JsonPropertyName("recurring")]
    public RecurringScheduleDetails? Recurring { get; init; }

    [JsonPropertyName("payment_instrument")]
    public PaymentInstrumentSummary? PaymentInstrument { get; init; }

    [JsonPropertyName("payer")]
    public PayerSummary? Payer { get; init; }

    /// <summary>Upcoming charges not yet processed: the only documented way to list them.</summary>
    [JsonPropertyName("future_transactions")]
    public IReadOnlyList<FutureTransaction> FutureTransactions { get; init; } = [];

    /// <summary>Processed charges, oldest first.</summary>
    [JsonPropertyName("completed_transactions")]
    public IReadOnlyList<CompletedRecurringTransaction> CompletedTransactions { get; init; } = [];
}
