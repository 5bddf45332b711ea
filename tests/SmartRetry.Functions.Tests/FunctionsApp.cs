using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using SmartRetry.Functions.Hosting;
using SmartRetry.Functions.Series.MerchantManaged;
using SmartRetry.Functions.Shared.Cards;
using SmartRetry.Functions.Shared.Correlation;
using SmartRetry.Functions.Shared.Gateway;
using SmartRetry.Functions.Shared.Idempotency;
using SmartRetry.Functions.Shared.Ledger;
using SmartRetry.Functions.Shared.Series;
using SmartRetry.Functions.Tests.TestHost;
using SmartRetry.Functions.Webhooks;

namespace SmartRetry.Functions.Tests;

/// <summary>
/// The app's services registered exactly as Program.cs does (host, Payments, recurring), with every port (tables,
/// SmartRetry, the orchestration client) replaced by a Moq mock and a virtual clock. Function classes are built the way
/// the worker builds them, so a missing registration fails here too.
/// </summary>
internal sealed class FunctionsApp : IDisposable
{
    public const string WebhookSecret = "test_webhook_secret_123";

    private readonly ServiceProvider services;

    public FunctionsApp()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Payments:Storage:ConnectionString"] = "UseDevelopmentStorage=true",
            ["Payments:Sealing:CurrentKeyId"] = "test1",
            ["Payments:Sealing:Keys:test1"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()),
            ["Payments:Cards:FingerprintKey"] = Convert.ToBase64String(Enumerable.Range(101, 32).Select(i => (byte)i).ToArray()),
            ["SmartRetry:ApiKey"] = "test_api_key",
            ["SmartRetry:TerminalId"] = "TRM001",
            ["SmartRetry:WebhookSecret"] = WebhookSecret,
            ["Payments:Reconciliation:Schedule"] = "0 * * * * *",
        }).Build();

        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        collection.AddSmartRetryFunctionsHost(configuration);
        collection.AddPayments(configuration);
        collection.AddRecurringPayments(configuration);

        collection.AddSingleton<TimeProvider>(Time);
        collection.AddSingleton(Ledger.Object);
        collection.AddSingleton(Cards.Object);
        collection.AddSingleton(Unresolved.Object);
        collection.AddSingleton(RefundReservations.Object);
        collection.AddSingleton(Idempotency.Object);
        collection.AddSingleton(WebhookEvents.Object);
        collection.AddSingleton(PendingEvents.Object);
        collection.AddSingleton(Correlations.Object);
        collection.AddSingleton(Series.Object);
        collection.AddSingleton(CardAttempts.Object);
        collection.AddSingleton(Gateway.Object);
        collection.AddSingleton(RecurringGateway.Object);
        PendingEvents.Setup(p => p.GetAsync(It.IsAny<CorrelationKind>(), It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);
        services = collection.BuildServiceProvider();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 22, 0, 0, TimeSpan.Zero));

    /// <summary>The Durable client the host binds to a function (<c>[DurableClient]</c>): it records what functions ask of it.</summary>
    public RecordingDurableClient DurableClient { get; } = new();

    public Mock<IPaymentLedger> Ledger { get; } = new();

    public Mock<ICardVault> Cards { get; } = new();

    public Mock<IUnresolvedPayments> Unresolved { get; } = new();

    public Mock<IRefundReservations> RefundReservations { get; } = new();

    public Mock<IIdempotencyStore> Idempotency { get; } = new();

    public Mock<IWebhookEventStore> WebhookEvents { get; } = new();

    public Mock<IPendingEventStore> PendingEvents { get; } = new();

    public Mock<ICorrelationStore> Correlations { get; } = new();

    public Mock<IRecurringSeriesStore> Series { get; } = new();

    public Mock<ICardAttemptStore> CardAttempts { get; } = new();

    public Mock<ISmartRetryGateway> Gateway { get; } = new();

    public Mock<ISmartRetryRecurringGateway> RecurringGateway { get; } = new();

    public T Create<T>() => ActivatorUtilities.CreateInstance<T>(services);

    public object Create(Type type) => ActivatorUtilities.CreateInstance(services, type);

    public static HttpRequest Request(string method, string path, string? body = null, IDictionary<string, string>? headers = null) =>
        Request(method, path, body is null ? [] : System.Text.Encoding.UTF8.GetBytes(body), headers);

    public static HttpRequest Request(string method, string path, byte[] body, IDictionary<string, string>? headers = null)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = method;
        http.Request.Scheme = "https";
        http.Request.Host = new HostString("pay.example.com");
        http.Request.Path = path;
        http.Request.Body = new MemoryStream(body);
        http.Request.ContentLength = body.Length;
        foreach ((string name, string value) in headers ?? new Dictionary<string, string>())
        {
            http.Request.Headers[name] = value;
        }

        return http.Request;
    }

    public void Dispose() => services.Dispose();
}
