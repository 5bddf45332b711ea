using System.ComponentModel.DataAnnotations;
using SmartRetry.Payments.Workflows.Tracking;

namespace SmartRetry.Payments.Sales;

/// <summary>Configuration section <c>Payments:Sales</c>.</summary>
public sealed class SaleOptions
{
    public const string SectionName = "Payments:Sales";

    /// <summary>How far ahead a future-dated sale may be scheduled.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "730.00:00:00")]
    public TimeSpan MaxScheduleHorizon { get; set; } = TimeSpan.FromDays(365);

    /// <summary>
    /// How long a request that claimed a sale may take to schedule it before an identical request takes over (the
    /// first one presumably died). Far longer than scheduling takes; shorter than a client's patience.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(1);

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan FirstPollDelay { get; set; } = TrackingPolicy.Default.FirstPollDelay;

    [Range(1.0, 10.0)]
    public double PollBackoff { get; set; } = TrackingPolicy.Default.PollBackoff;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxPollInterval { get; set; } = TrackingPolicy.Default.MaxPollInterval;

    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan Deadline { get; set; } = TrackingPolicy.Default.Deadline;

    public TrackingPolicy Tracking => new(FirstPollDelay, PollBackoff, MaxPollInterval, Deadline);
}
