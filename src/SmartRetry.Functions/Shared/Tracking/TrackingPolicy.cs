namespace SmartRetry.Functions.Shared.Tracking;

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
