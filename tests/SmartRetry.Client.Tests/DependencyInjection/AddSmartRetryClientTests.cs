using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SmartRetry.Client.Tests.DependencyInjection;

public sealed class AddSmartRetryClientTests
{
    [Fact]
    public void The_SmartRetry_section_is_bound_and_the_client_is_a_singleton()
    {
        using ServiceProvider provider = Build(new Dictionary<string, string?>
        {
            ["SmartRetry:BaseUrl"] = "http://127.0.0.1:5080",
            ["SmartRetry:ApiKey"] = "sk_test_key",
            ["SmartRetry:TerminalId"] = "TERM01",
            ["SmartRetry:WebhookSecret"] = "whsec",
            ["SmartRetry:AttemptTimeout"] = "00:00:10",
            ["SmartRetry:Retry:MaxAttempts"] = "3",
        });

        provider.GetRequiredService<IStartupValidator>().Validate();
        SmartRetryClientOptions options = provider.GetRequiredService<IOptions<SmartRetryClientOptions>>().Value;

        Assert.Equal(new Uri("http://127.0.0.1:5080"), options.BaseUrl);
        Assert.Equal("TERM01", options.TerminalId);
        Assert.Equal("whsec", options.WebhookSecret);
        Assert.Equal(TimeSpan.FromSeconds(10), options.AttemptTimeout);
        Assert.Equal(3, options.Retry.MaxAttempts);
        Assert.Same(provider.GetRequiredService<SmartRetryClient>(), provider.GetRequiredService<SmartRetryClient>());
    }

    [Fact]
    public void The_base_url_defaults_to_the_production_host()
    {
        using ServiceProvider provider = Build(new Dictionary<string, string?> { ["SmartRetry:ApiKey"] = "k", ["SmartRetry:TerminalId"] = "ABC123" });

        Assert.Equal(new Uri("https://api.smartretry.com"), provider.GetRequiredService<IOptions<SmartRetryClientOptions>>().Value.BaseUrl);
    }

    [Theory]
    [InlineData(null, "TERM01", "SmartRetry:ApiKey")]
    [InlineData("sk_test_key", null, "SmartRetry:TerminalId")]
    [InlineData("sk_test_key", "TERM0", "SmartRetry:TerminalId")]
    [InlineData("sk_test_key", "TERM-1", "SmartRetry:TerminalId")]
    public void Start_up_fails_naming_the_bad_setting(string? apiKey, string? terminalId, string setting)
    {
        using ServiceProvider provider = Build(new Dictionary<string, string?> { ["SmartRetry:ApiKey"] = apiKey, ["SmartRetry:TerminalId"] = terminalId });

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(setting, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_directly_constructed_client_refuses_invalid_options()
    {
        using var http = new HttpClient();

        var failure = Assert.Throws<ArgumentException>(() => new SmartRetryClient(http, new SmartRetryClientOptions { ApiKey = "k", TerminalId = "TOO-LONG-1" }));

        Assert.Contains("SmartRetry:TerminalId", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_member_can_be_mocked()
    {
        var payments = new Moq.Mock<SmartRetry.Client.Payments.PaymentsClient>();
        var client = new Moq.Mock<SmartRetryClient>();
        client.SetupGet(mock => mock.Payments).Returns(payments.Object);

        Assert.Same(payments.Object, client.Object.Payments);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSmartRetryClient(configuration);
        return services.BuildServiceProvider();
    }
}
