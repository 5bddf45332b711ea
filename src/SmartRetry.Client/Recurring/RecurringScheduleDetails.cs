using System.Text.Json.Serialization;

namespace SmartRetry.Client.Recurring;

/// <summary>A series' configuration and progress as the status endpoint reports it.</summary>
public sealed record RecurringScheduleDetails
{
    [JsonPropertyName("status")]
    public RecurringState Status { get; init; }

    [JsonPropertyName("managed_by")]
    public RecurringManagement ManagedBy { get; init; }

    [JsonPropertyName("first_payment_date")]
    public DateOnly? FirstPaymentDate { get; init; }

    [JsonPropertyName("recurring_date_type")]
    public RecurringInterval? RecurringDateType { get; init; }

    [JsonPropertyName("time_interval")]
    public int? TimeInterval { get; init; }

    /// <summary>Null when open-ended.</summary>
    [JsonPropertyName("number_of_payments")]
    public int? NumberOfPayments { get; init; }

    [JsonPropertyName("cancellation_date")]
    public DateOnly? CancellationDate { get; init; }

    [JsonPropertyName("completed_payments")]
    public int? CompletedPayments { get; init; }

    [JsonPropertyName("remaining_payments")]
    public int? RemainingPayments { get; init; }
}
