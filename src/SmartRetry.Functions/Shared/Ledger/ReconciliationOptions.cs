using System.ComponentModel.DataAnnotations;

namespace SmartRetry.Functions.Shared.Ledger;

/// <summary>
/// Configuration section <c>Payments:Reconciliation</c>: how the reconciler settles payments their orchestration left
/// unresolved (docs/operations.md, "The reconciler"). Attempts back off from <see cref="FirstRetryDelay"/> by
/// <see cref="Backoff"/> up to <see cref="MaxRetryDelay"/>: minutes, then hours, then days; after
/// <see cref="MaxAttempts"/> the payment is left to a person, flagged so.
/// </summary>
public sealed class ReconciliationOptions
{
    public const string SectionName = "Payments:Reconciliation";

    /// <summary>
    /// The NCRONTAB schedule of the reconciler's timer (<c>%Payments:Reconciliation:Schedule%</c> in its trigger, so
    /// it must be set wherever the app runs). Read by the Functions host; here only so it is validated at start-up.
    /// </summary>
    [Required(ErrorMessage = "Payments:Reconciliation:Schedule is required: the NCRONTAB schedule of the reconciler's timer, e.g. '0 * * * * *'.")]
    [RegularExpression(@"^\S+( \S+){5}$", ErrorMessage = "Payments:Reconciliation:Schedule must be an NCRONTAB expression with six fields (seconds first).")]
    public string Schedule { get; set; } = "";

    /// <summary>How long after it was scheduled (or falls due) a payment is first looked at, if it is not final by then.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan FirstCheckAfter { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often a payment whose orchestration is still running is looked at again; its orchestration is left to finish.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RunningRecheck { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The wait before the first attempt on a payment its orchestration left unresolved, and the base of the backoff.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    [Range(1.0, 10.0)]
    public double Backoff { get; set; } = 4.0;

    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Attempts before the payment is left to a person (12 by default: about eight days).</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 12;

    /// <summary>How many due payments one run of the timer takes on; the rest wait for the next run.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 100;

    /// <summary>How long a run may hold a payment it took on before another run may take it (several hosts, or a crash).</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The wait before attempt <paramref name="attempt"/> (1 = the first) on an unresolved payment.</summary>
    public TimeSpan DelayBefore(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        double seconds = FirstRetryDelay.TotalSeconds * Math.Pow(Backoff, attempt - 1);
        return seconds >= MaxRetryDelay.TotalSeconds ? MaxRetryDelay : TimeSpan.FromSeconds(seconds);
    }
}
