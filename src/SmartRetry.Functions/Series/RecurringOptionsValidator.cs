using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace SmartRetry.Functions.Series;

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
