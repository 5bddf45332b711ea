using System.ComponentModel.DataAnnotations;

namespace SmartRetry.Functions.Shared.Charges;

/// <summary>Configuration section <c>Payments:Requests</c>: how payment requests (sales, refunds, series) are accepted.</summary>
public sealed class PaymentRequestOptions
{
    public const string SectionName = "Payments:Requests";

    /// <summary>How far ahead a future-dated charge may be scheduled.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "730.00:00:00")]
    public TimeSpan MaxScheduleHorizon { get; set; } = TimeSpan.FromDays(365);

    /// <summary>
    /// How long a request that claimed a payment may take to schedule it before an identical request takes over (the
    /// first one presumably died). Far longer than scheduling takes; shorter than a client's patience.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(1);
}
