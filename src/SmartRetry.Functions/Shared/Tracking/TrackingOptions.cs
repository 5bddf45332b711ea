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

/// <summary>How long and how often a payment's outcome (a sale's, a refund's, a recurring charge's) is awaited when no webhook arrives.</summary>
/// <param name="FirstPollDelay">Wait for a webhook this long before the first status poll.</param>
/// <param name="PollBackoff">Each later poll waits this many times longer than the one before.</param>
/// <param name="MaxPollInterval">Cap on the wait between polls.</param>
/// <param name="Deadline">After this long without a final status the payment ends as deadline reached.</param>
public sealed record TrackingPolicy(TimeSpan FirstPollDelay, double PollBackoff, TimeSpan MaxPollInterval, TimeSpan Deadline)
{
    public static TrackingPolicy Default { get; } =
        new(FirstPollDelay: TimeSpan.FromSeconds(30), PollBackoff: 2.0, MaxPollInterval: TimeSpan.FromHours(1), Deadline: TimeSpan.FromDays(3));
}
