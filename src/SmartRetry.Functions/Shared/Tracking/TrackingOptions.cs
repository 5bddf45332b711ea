using System.ComponentModel.DataAnnotations;

namespace SmartRetry.Functions.Shared.Tracking;

/// <summary>Configuration section <c>Payments:Tracking</c>: how every payment's outcome is awaited when no webhook arrives.</summary>
public sealed class TrackingOptions
{
    public const string SectionName = "Payments:Tracking";

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan FirstPollDelay { get; set; } = TrackingPolicy.Default.FirstPollDelay;

    [Range(1.0, 10.0)]
    public double PollBackoff { get; set; } = TrackingPolicy.Default.PollBackoff;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxPollInterval { get; set; } = TrackingPolicy.Default.MaxPollInterval;

    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan Deadline { get; set; } = TrackingPolicy.Default.Deadline;

    public TrackingPolicy Policy => new(FirstPollDelay, PollBackoff, MaxPollInterval, Deadline);
}
