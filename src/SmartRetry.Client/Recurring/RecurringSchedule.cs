using System.Text.Json.Serialization;

namespace SmartRetry.Client.Recurring;

/// <summary>The <c>recurring</c> configuration of a new series (https://www.smartretry.com/docs/api-reference/recurring/init).</summary>
public sealed record RecurringSchedule
{
    [JsonPropertyName("managed_by")]
    public required RecurringManagement ManagedBy { get; init; }

    /// <summary>Required when <see cref="ManagedBy"/> is <see cref="RecurringManagement.OurPlatform"/>.</summary>
    [JsonPropertyName("first_payment_date")]
    public DateOnly? FirstPaymentDate { get; init; }

    /// <summary>Required when <see cref="ManagedBy"/> is <see cref="RecurringManagement.OurPlatform"/>.</summary>
    [JsonPropertyName("recurring_date_type")]
    public RecurringInterval? RecurringDateType { get; init; }

    /// <summary>Multiplier on <see cref="RecurringDateType"/> (2 + monthly = every two months); at least 1.</summary>
    [JsonPropertyName("time_interval")]
    public int? TimeInterval { get; init; }

    /// <summary>Total payments; null is open-ended.</summary>
    [JsonPropertyName("number_of_payments")]
    public int? NumberOfPayments { get; init; }

    /// <summary>Nothing is charged on or after this date.</summary>
    [JsonPropertyName("cancellation_date")]
    public DateOnly? CancellationDate { get; init; }
}
