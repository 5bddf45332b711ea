using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SmartRetry.Functions.Series.MerchantManaged;

namespace SmartRetry.Functions.Series;

/// <summary>Configuration section <c>Payments:Recurring</c> (dunning has its own section, <c>Dunning</c>).</summary>
public sealed class RecurringOptions
{
    public const string SectionName = "Payments:Recurring";

    public const int MaxTimeScale = 1_000_000;

    /// <summary>How often a followed (platform- or provider-managed) series re-reads SmartRetry when no webhook arrives.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00")]
    public TimeSpan SyncInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How long after its scheduled day a future transaction may still run before it is flagged as missed.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan MissedChargeGrace { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// Development only: schedule time per host time for series created from now on (86400 = a day per second), so a
    /// monthly series can be watched in a local demo. 1 (the default) is real time; any other value is refused at
    /// start-up unless the host runs in Development (<see cref="RecurringOptionsValidator"/>).
    /// </summary>
    [Range(1, MaxTimeScale, ErrorMessage = SectionName + ":" + nameof(TimeScale) + " must be between {1} and {2}.")]
    public int TimeScale { get; set; } = 1;

    /// <summary>The time scale a series created at <paramref name="createdAtUtc"/> carries; null in real time, so such a series' state is exactly as it was before time scales existed.</summary>
    public ScheduleTimeScale? TimeScaleFrom(DateTime createdAtUtc) => TimeScale == 1 ? null : new ScheduleTimeScale(createdAtUtc, TimeScale);
}

/// <summary>
/// Refuses accelerated time (<see cref="RecurringOptions.TimeScale"/> other than 1) unless the host runs in Development:
/// in any other environment a compressed schedule would charge real cards months early. The Functions worker sets its
/// environment from <c>AZURE_FUNCTIONS_ENVIRONMENT</c> (or <c>DOTNET_ENVIRONMENT</c>); a host that registers no
/// <see cref="IHostEnvironment"/> counts as not Development.
/// </summary>
public sealed class RecurringOptionsValidator(IHostEnvironment? environment = null) : IValidateOptions<RecurringOptions>
{
    public ValidateOptionsResult Validate(string? name, RecurringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.TimeScale == 1 || environment?.IsDevelopment() == true)
        {
            return ValidateOptionsResult.Success;
        }

        return ValidateOptionsResult.Fail(
            $"{RecurringOptions.SectionName}:{nameof(RecurringOptions.TimeScale)} is {options.TimeScale}, but accelerated time is for local demos only: " +
            $"a value other than 1 needs the host to run in Development (AZURE_FUNCTIONS_ENVIRONMENT or DOTNET_ENVIRONMENT = Development); " +
            (environment is null ? "this host registers no host environment." : $"this host runs in '{environment.EnvironmentName}'."));
    }
}
