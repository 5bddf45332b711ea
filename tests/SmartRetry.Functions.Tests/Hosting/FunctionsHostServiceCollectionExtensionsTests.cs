using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Moq;
using SmartRetry.Functions.Hosting;
using SmartRetry.Functions.Maintenance;

namespace SmartRetry.Functions.Tests.Hosting;

public sealed class FunctionsHostServiceCollectionExtensionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddSmartRetryFunctionsHost(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();

    private static Dictionary<string, string?> LocalSettings() => new()
    {
        ["Payments:Storage:ConnectionString"] = "UseDevelopmentStorage=true",
    };

    private enum SampleStage
    {
        AwaitingOutcome,
    }

    private sealed record SampleStatus(string PaymentId, SampleStage Stage);

    [Fact]
    public void The_worker_serializer_used_by_http_and_durable_writes_the_payments_json_shape()
    {
        using ServiceProvider services = Build(LocalSettings());

        var serializer = services.GetRequiredService<IOptions<WorkerOptions>>().Value.Serializer;

        Assert.NotNull(serializer);
        BinaryData json = serializer.Serialize(new SampleStatus("sale-42", SampleStage.AwaitingOutcome), typeof(SampleStatus), CancellationToken.None);
        Assert.Equal("""{"payment_id":"sale-42","stage":"awaiting_outcome"}""", json.ToString());
    }

    [Fact]
    public void Valid_host_settings_pass_start_up_validation()
    {
        using ServiceProvider services = Build(LocalSettings());

        services.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal(30, services.GetRequiredService<IOptions<MaintenanceOptions>>().Value.RetentionDays);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("3651")]
    public void A_retention_outside_one_day_to_ten_years_fails_start_up(string days)
    {
        Dictionary<string, string?> settings = LocalSettings();
        settings["Payments:Maintenance:RetentionDays"] = days;
        using ServiceProvider services = Build(settings);

        var failure = Assert.ThrowsAny<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(nameof(MaintenanceOptions.RetentionDays), failure.Message, StringComparison.Ordinal);
    }

}
