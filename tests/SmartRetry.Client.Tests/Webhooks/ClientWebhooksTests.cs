using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SmartRetry.Client.Errors;
using SmartRetry.Client.Webhooks;

namespace SmartRetry.Client.Tests.Webhooks;

/// <summary>The verifier as the client exposes it: the client's clock, the configured tolerance, the error hierarchy.</summary>
public sealed class ClientWebhooksTests : IDisposable
{
    private const string Secret = "whsec_client_test";
    private const string Body = """{"id":"evt_1","type":"transaction.declined","created_at":"2026-04-01T12:00:00Z","data":{"transaction_id":"TX8A3F2C"}}""";

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 4, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly HttpClient http = new();

    [Fact]
    public void Webhooks_verifies_a_fresh_delivery_on_the_clients_clock()
    {
        SmartRetryClient client = Client(TimeSpan.FromSeconds(300));

        WebhookEvent webhook = client.Webhooks.Verify(Encoding.UTF8.GetBytes(Body), Header(clock.GetUtcNow().AddSeconds(-300)), Secret);

        Assert.Equal("evt_1", webhook.Id);
        Assert.Equal("TX8A3F2C", webhook.TransactionId);
    }

    [Fact]
    public void The_configured_tolerance_applies_and_failures_are_smartretry_exceptions()
    {
        SmartRetryClient client = Client(TimeSpan.FromSeconds(60));

        SmartRetryException failure = Assert.ThrowsAny<SmartRetryException>(
            () => client.Webhooks.Verify(Encoding.UTF8.GetBytes(Body), Header(clock.GetUtcNow().AddSeconds(-61)), Secret));

        Assert.Equal(SignatureFailureReason.TimestampOutsideTolerance, Assert.IsType<SignatureVerificationException>(failure).Reason);
        Assert.Null(failure.StatusCode);
    }

    [Fact]
    public void Webhooks_verifies_with_the_configured_secret_when_none_is_passed()
    {
        var client = new SmartRetryClient(http, new SmartRetryClientOptions { ApiKey = "k", TerminalId = "TERM01", WebhookSecret = Secret }, clock);

        WebhookEvent webhook = client.Webhooks.Verify(Encoding.UTF8.GetBytes(Body), Header(clock.GetUtcNow()));

        Assert.Equal("evt_1", webhook.Id);
        Assert.Equal(SignatureFailureReason.SignatureMismatch, Assert.Throws<SignatureVerificationException>(
            () => client.Webhooks.Verify(Encoding.UTF8.GetBytes(Body.Replace("evt_1", "evt_2", StringComparison.Ordinal)), Header(clock.GetUtcNow()))).Reason);
    }

    [Fact]
    public void Verifying_without_a_secret_configured_or_passed_says_so()
    {
        SmartRetryClient client = Client(TimeSpan.FromSeconds(300));

        InvalidOperationException failure = Assert.Throws<InvalidOperationException>(
            () => client.Webhooks.Verify(Encoding.UTF8.GetBytes(Body), Header(clock.GetUtcNow())));

        Assert.Contains("WebhookSecret", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_verifier_is_registered_for_webhook_intake()
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SmartRetry:ApiKey"] = "k",
            ["SmartRetry:TerminalId"] = "TERM01",
            ["SmartRetry:WebhookTolerance"] = "00:01:00",
        }).Build();
        var services = new ServiceCollection();
        services.AddSmartRetryClient(configuration);
        using ServiceProvider provider = services.BuildServiceProvider();

        Assert.Same(provider.GetRequiredService<SmartRetryClient>().Webhooks, provider.GetRequiredService<WebhookVerifier>());
    }

    public void Dispose() => http.Dispose();

    private SmartRetryClient Client(TimeSpan tolerance) => new(
        http,
        new SmartRetryClientOptions { ApiKey = "k", TerminalId = "TERM01", WebhookTolerance = tolerance },
        clock);

    private static string Header(DateTimeOffset signedAt)
    {
        string timestamp = signedAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        byte[] mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(timestamp + "." + Body));
        return $"t={timestamp},v1={Convert.ToHexStringLower(mac)}";
    }
}
