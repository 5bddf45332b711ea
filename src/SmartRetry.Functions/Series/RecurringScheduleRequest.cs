using System.Text.Json.Serialization;
using SmartRetry.Functions.Shared.Series;

namespace SmartRetry.Functions.Series;

/// <summary>The <c>recurring</c> object: SmartRetry's fields (§2.7) plus, for merchant-managed series, the charge time and time zone.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record RecurringScheduleRequest
{
    public SeriesManagement? ManagedBy { get; init; }

    public DateOnly? FirstPaymentDate { get; init; }

    public RecurrenceFrequency? RecurringDateType { get; init; }

    public int? TimeInterval { get; init; }

    public int? NumberOfPayments { get; init; }

    public DateOnly? CancellationDate { get; init; }

    /// <summary>Local time of day of each charge (merchant-managed only); midnight when omitted.</summary>
    public TimeOnly? ChargeTimeOfDay { get; init; }

    /// <summary>IANA time zone of the dates and the time of day (merchant-managed only); UTC when omitted.</summary>
    public string? TimeZone { get; init; }
}
