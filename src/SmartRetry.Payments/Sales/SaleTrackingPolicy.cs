namespace SmartRetry.Payments.Sales;

/// <summary>How long and how often a sale's outcome is awaited when no webhook arrives.</summary>
/// <param name="FirstPollDelay">Wait for a webhook this long before the first status poll.</param>
/// <param name="PollBackoff">Each later poll waits this many times longer than the one before.</param>
/// <param name="MaxPollInterval">Cap on the wait between polls.</param>
/// <param name="Deadline">After this long without a final status the sale ends as deadline reached.</param>
public sealed record SaleTrackingPolicy(TimeSpan FirstPollDelay, double PollBackoff, TimeSpan MaxPollInterval, TimeSpan Deadline)
{
    public static SaleTrackingPolicy Default { get; } =
        new(FirstPollDelay: TimeSpan.FromSeconds(30), PollBackoff: 2.0, MaxPollInterval: TimeSpan.FromHours(1), Deadline: TimeSpan.FromDays(3));
}
