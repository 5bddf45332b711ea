using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Moq;
using SmartRetry.Functions.Hosting;
using SmartRetry.Functions.Series;

namespace SmartRetry.Functions.Tests.Series;

public sealed class RecurringOptionsValidatorTests
{
    private const string Setting = "Payments:Recurring:TimeScale";

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    [InlineData(null)]
    public void Accelerated_time_outside_Development_stops_the_host_naming_the_setting(string? environment)
    {
        using ServiceProvider provider = Build(environment, "86400");

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        string message = Assert.Single(failure.Failures);
        Assert.StartsWith($"{Setting} is 86400", message, StringComparison.Ordinal);
        Assert.Contains("AZURE_FUNCTIONS_ENVIRONMENT", message, StringComparison.Ordinal);
        Assert.EndsWith(environment is null ? "registers no host environment." : $"runs in '{environment}'.", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Accelerated_time_in_Development_is_accepted_and_carried_by_new_series()
    {
        using ServiceProvider provider = Build(Environments.Development, "86400");

        provider.GetRequiredService<IStartupValidator>().Validate();

        DateTime createdAt = new(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        Assert.Equal(new(createdAt, 86_400), provider.GetRequiredService<IOptions<RecurringOptions>>().Value.TimeScaleFrom(createdAt));
    }

    [Theory]
    [InlineData("Production", null)]
    [InlineData("Production", "1")]
    [InlineData(null, "1")]
    public void Real_time_is_accepted_anywhere_and_new_series_carry_no_scale(string? environment, string? timeScale)
    {
        using ServiceProvider provider = Build(environment, timeScale);

        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.Null(provider.GetRequiredService<IOptions<RecurringOptions>>().Value.TimeScaleFrom(DateTime.UtcNow));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("1000001")]
    public void A_scale_out_of_bounds_stops_the_host_naming_the_setting_and_its_bounds(string timeScale)
    {
        using ServiceProvider provider = Build(Environments.Development, timeScale);

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains($"{Setting} must be between 1 and 1000000.", failure.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(string? environment, string? timeScale)
    {
        Dictionary<string, string?> settings = timeScale is null ? [] : new() { [Setting] = timeScale };
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        if (environment is not null)
        {
            services.AddSingleton(Mock.Of<IHostEnvironment>(e => e.EnvironmentName == environment));
        }

        return services.AddRecurringPayments(configuration).BuildServiceProvider();
    }
}
