using System.Collections.Concurrent;
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

    /// <summary>
    /// Registers a client under <paramref name="name"/>, bound from <paramref name="section"/> (for instance
    /// <c>configuration.GetSection("SmartRetry:Terminals:eu")</c>) and validated when the host starts; resolve it with
    /// <see cref="ISmartRetryClientFactory.CreateClient"/>. Each name has its own options, <see cref="HttpClient"/>
    /// (<c>SmartRetry.&lt;name&gt;</c>) and connection pool.
    /// </summary>
    public static IHttpClientBuilder AddSmartRetryClient(this IServiceCollection services, string name, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return services.AddSmartRetryClient(name, options => section.Bind(options));
    }

    /// <summary>Registers a client under <paramref name="name"/> with options set in code; validated when the host starts.</summary>
    public static IHttpClientBuilder AddSmartRetryClient(this IServiceCollection services, string name, Action<SmartRetryClientOptions> configure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        AddOptions(services, name, configure);
        services.TryAddSingleton<ISmartRetryClientFactory, SmartRetryClientFactory>();
        services.AddSingleton(new SmartRetryClientName(name));
        return AddHttpClient(services, HttpClientNameOf(name));
    }

    /// <summary>Registers the client with options set in code; validated when the host starts.</summary>
    public static IHttpClientBuilder AddSmartRetryClient(this IServiceCollection services, Action<SmartRetryClientOptions> configure)
    {
        AddOptions(services, Options.Options.DefaultName, configure);
        services.TryAddSingleton(provider => Create(provider, Options.Options.DefaultName));
        services.TryAddSingleton<WebhookVerifier>(provider => provider.GetRequiredService<SmartRetryClient>().Webhooks);
        return AddHttpClient(services, HttpClientNameOf(Options.Options.DefaultName));
    }

    private static void AddOptions(IServiceCollection services, string name, Action<SmartRetryClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<SmartRetryClientOptions>(name).Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SmartRetryClientOptions>, SmartRetryClientOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
    }

    /// <summary><see cref="HttpClientName"/> for the default client, <c>SmartRetry.&lt;name&gt;</c> for a named one.</summary>
    private static string HttpClientNameOf(string name) => name.Length == 0 ? HttpClientName : $"{HttpClientName}.{name}";

    private static SmartRetryClient Create(IServiceProvider provider, string name) => new(
        provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientNameOf(name)),
        provider.GetRequiredService<IOptionsMonitor<SmartRetryClientOptions>>().Get(name),
        provider.GetRequiredService<TimeProvider>(),
        provider.GetService<ILogger<SmartRetryClient>>());

    // The client is a singleton holding one HttpClient, so connections are recycled by the handler's pooled lifetime
    // (DNS changes are picked up) rather than by the factory rotating handlers.
    private static IHttpClientBuilder AddHttpClient(IServiceCollection services, string httpClientName) =>
        services.AddHttpClient(httpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

    private sealed record SmartRetryClientName(string Name);

    private sealed class SmartRetryClientFactory(IServiceProvider provider, IEnumerable<SmartRetryClientName> names) : ISmartRetryClientFactory
    {
        private readonly HashSet<string> registered = [.. names.Select(n => n.Name)];
        private readonly ConcurrentDictionary<string, Lazy<SmartRetryClient>> clients = new(StringComparer.Ordinal);

        public SmartRetryClient CreateClient(string name)
        {
            ArgumentNullException.ThrowIfNull(name);
            if (!registered.Contains(name))
            {
                throw new InvalidOperationException($"No SmartRetry client is registered under the name '{name}'; register it with AddSmartRetryClient(\"{name}\", ...).");
            }

            return clients.GetOrAdd(name, key => new Lazy<SmartRetryClient>(() => Create(provider, key))).Value;
        }
    }
}
