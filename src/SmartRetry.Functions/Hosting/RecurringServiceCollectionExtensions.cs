using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SmartRetry.Functions.Series;
using SmartRetry.Functions.Series.MerchantManaged;
using SmartRetry.Functions.Shared.Series;

namespace SmartRetry.Functions.Hosting;

/// <summary>
/// Registers what recurring series need that does not depend on the host: validated options (<c>Dunning</c>,
/// <c>Payments:Recurring</c>, whose time scale is refused outside Development), the series store, the per-card attempt
/// store, the request validator and the recurring gateway (over the <c>SmartRetryClient</c> that <c>AddSmartRetryClient</c>
/// registers). Handlers and activities that drive other instances take the invocation's
/// Durable client as a parameter (<c>[DurableClient]</c>).
/// </summary>
public static class RecurringServiceCollectionExtensions
{
    public static IServiceCollection AddRecurringPayments(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DunningOptions>()
            .Bind(configuration.GetSection(DunningOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<RecurringOptions>()
            .Bind(configuration.GetSection(RecurringOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RecurringOptions>, RecurringOptionsValidator>());
        services.AddSingleton<IRecurringSeriesStore, TableRecurringSeriesStore>();
        services.AddSingleton<ICardAttemptStore, TableCardAttemptStore>();
        services.AddSingleton<RecurringRequestValidator>();
        services.TryAddSingleton<RecurringRequestHandler>();
        services.TryAddSingleton<ISmartRetryRecurringGateway, SmartRetryRecurringGateway>();
        return services;
    }
}
