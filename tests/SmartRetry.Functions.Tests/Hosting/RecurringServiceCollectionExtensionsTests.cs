using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmartRetry.Functions.Hosting;
using SmartRetry.Functions.Series.MerchantManaged;
using SmartRetry.Functions.Shared.Series;

namespace SmartRetry.Functions.Tests.Hosting;

public sealed class RecurringServiceCollectionExtensionsTests
{
    [Fact]
    public void Configured_dunning_replaces_the_default_offsets_rather_than_adding_to_them()
    {
        using ServiceProvider provider = Build(new()
        {
            ["Dunning:RetryOffsets:0"] = "12:00:00",
            ["Dunning:RetryOffsets:1"] = "2.00:00:00",
            ["Dunning:ExhaustedAction"] = "CancelSeries",
        });

        DunningPolicy policy = provider.GetRequiredService<IOptions<DunningOptions>>().Value.ToPolicy();

        Assert.Equal([TimeSpan.FromHours(12), TimeSpan.FromDays(2)], policy.RetryOffsets);
        Assert.Equal(DunningExhaustedAction.CancelSeries, policy.ExhaustedAction);
    }

    [Theory]
    [InlineData("Dunning:MaxAttemptsPerCardIn30Days", "25")]
    [InlineData("Dunning:RetryOffsets:0", "-1.00:00:00")]
    [InlineData("Payments:Recurring:SyncInterval", "00:00:01")]
    public void Invalid_configuration_fails_at_start_up(string key, string value)
    {
        using ServiceProvider provider = Build(new() { [key] = value });

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
    }

    [Fact]
    public void The_recurring_gateway_runs_over_the_registered_SmartRetry_client()
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SmartRetry:BaseUrl"] = "http://127.0.0.1:5080",
            ["SmartRetry:ApiKey"] = "sk_test_registration",
            ["SmartRetry:TerminalId"] = "TERM01",
        }).Build();
        var services = new ServiceCollection();
        services.AddSmartRetryClient(configuration);
        using ServiceProvider provider = services.AddRecurringPayments(configuration).BuildServiceProvider();

        Assert.IsType<SmartRetryRecurringGateway>(provider.GetRequiredService<ISmartRetryRecurringGateway>());
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddRecurringPayments(configuration).BuildServiceProvider();
    }
}
