using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartRetry.Client;
using SmartRetry.Client.Webhooks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="SmartRetryClient"/> with options bound from configuration and checked at start-up.</summary>
public static class SmartRetryServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> the client uses, to add handlers to it.</summary>
    public const string HttpClientName = "SmartRetry";

    /// <summary>
    /// Binds the <c>SmartRetry</c> section (<c>BaseUrl</c>, <c>ApiKey</c>, <c>TerminalId</c>, <c>WebhookSecret</c>,
    /// timeouts, <c>Retry</c>) and validates it when the host starts: a missing key or a terminal id that is not 6
    /// characters fails fast with a message naming the setting.
    /// </summary>
    public static IHttpClientBuilder AddSmartRetryClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddSmartRetryClient(options => configuration.GetSection(SmartRetryClientOptions.SectionName).Bind(options));
    }

    /// <summary>Registers the client with options set in code; validated when the host starts.</summary>
    public static IHttpClientBuilder AddSmartRetryClient(this IServiceCollection services, Action<SmartRetryClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<SmartRetryClientOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SmartRetryClientOptions>, SmartRetryClientOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new SmartRetryClient(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            provider.GetRequiredService<IOptions<SmartRetryClientOptions>>().Value,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ILogger<SmartRetryClient>>()));
        services.TryAddSingleton<WebhookVerifier>(provider => provider.GetRequiredService<SmartRetryClient>().Webhooks);

        // The client is a singleton holding one HttpClient, so connections are recycled by the handler's pooled lifetime
        // (DNS changes are picked up) rather than by the factory rotating handlers.
        return services.AddHttpClient(HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
    }
}
