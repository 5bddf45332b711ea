using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SmartRetry.Client.Tests.DependencyInjection;

/// <summary>A merchant with several terminals: one named client each, with its own key, terminal and connection pool.</summary>
public sealed class NamedClientTests : IDisposable
{
    private readonly WireMockServer server = WireMockServer.Start();

    [Fact]
    public async Task Each_name_calls_SmartRetry_with_its_own_terminal_and_key()
    {
        server.Given(Request.Create().WithPath("/v1/payments/status/*").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(404).WithHeader("Content-Type", "application/problem+json")
                .WithBody("""{"type":"about:blank","title":"Not Found","status":404,"detail":"No such transaction.","reason":"TRANSACTION_NOT_FOUND"}"""));
        using ServiceProvider provider = Build(new Dictionary<string, string?>
        {
            ["SmartRetry:Terminals:eu:BaseUrl"] = server.Url,
            ["SmartRetry:Terminals:eu:ApiKey"] = "sk_test_eu",
            ["SmartRetry:Terminals:eu:TerminalId"] = "EUTERM",
            ["SmartRetry:Terminals:us:BaseUrl"] = server.Url,
            ["SmartRetry:Terminals:us:ApiKey"] = "sk_test_us",
            ["SmartRetry:Terminals:us:TerminalId"] = "USTERM",
        });
        provider.GetRequiredService<IStartupValidator>().Validate();
        var factory = provider.GetRequiredService<ISmartRetryClientFactory>();

        await Assert.ThrowsAnyAsync<Exception>(() => factory.CreateClient("eu").Payments.GetStatusAsync("TX000001"));
        await Assert.ThrowsAnyAsync<Exception>(() => factory.CreateClient("us").Payments.GetStatusAsync("TX000002"));

        Assert.Same(factory.CreateClient("eu"), factory.CreateClient("eu"));
        Assert.NotSame(factory.CreateClient("eu"), factory.CreateClient("us"));
        var requests = server.LogEntries.Select(e => (e.RequestMessage!.Path, Key: e.RequestMessage.Headers!.Single(h => h.Key.Equals("x-api-key", StringComparison.OrdinalIgnoreCase)).Value.Single())).ToList();
        Assert.Contains(("/v1/payments/status/EUTERM/TX000001", "sk_test_eu"), requests);
        Assert.Contains(("/v1/payments/status/USTERM/TX000002", "sk_test_us"), requests);
    }

    [Fact]
    public void A_bad_named_client_fails_start_up_naming_it_and_an_unknown_name_says_so()
    {
        using ServiceProvider provider = Build(new Dictionary<string, string?>
        {
            ["SmartRetry:Terminals:eu:ApiKey"] = "sk_test_eu",
            ["SmartRetry:Terminals:eu:TerminalId"] = "EUTERM",
            ["SmartRetry:Terminals:us:ApiKey"] = "sk_test_us",
            ["SmartRetry:Terminals:us:TerminalId"] = "US",
        });

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("SmartRetry client 'us'", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("'eu'", failure.Message, StringComparison.Ordinal);

        var unknown = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<ISmartRetryClientFactory>().CreateClient("apac"));
        Assert.Contains("'apac'", unknown.Message, StringComparison.Ordinal);
    }

    public void Dispose() => server.Stop();

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSmartRetryClient("eu", configuration.GetSection("SmartRetry:Terminals:eu"));
        services.AddSmartRetryClient("us", configuration.GetSection("SmartRetry:Terminals:us"));
        return services.BuildServiceProvider();
    }
}
