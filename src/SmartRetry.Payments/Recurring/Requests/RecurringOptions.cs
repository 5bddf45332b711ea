using System.ComponentModel.DataAnnotations;

namespace SmartRetry.Payments.Recurring.Requests;

/// <summary>Configuration section <c>Payments:Recurring</c> (dunning has its own section, <c>Dunning</c>).</summary>
public sealed class RecurringOptions
{
    public const string SectionName = "Payments:Recurring";

    /// <summary>How often a followed (platform- or provider-managed) series re-reads SmartRetry when no webhook arrives.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00")]
    public TimeSpan SyncInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How long after its scheduled day a future transaction may still run before it is flagged as missed.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan MissedChargeGrace { get; set; } = TimeSpan.FromHours(12);
}
