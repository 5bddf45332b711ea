using System.Text.Json;
using Azure.Core.Serialization;
using Azure.Data.Tables;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SmartRetry.Functions.Maintenance;
using SmartRetry.Functions.Series.PlatformManaged;
using SmartRetry.Functions.Shared.Serialization;

namespace SmartRetry.Functions.Hosting;

/// <summary>
/// What the Functions host itself contributes to DI: shared JSON, time and validated options. Function classes
/// (orchestrations, activities, triggers) are not registered: the worker builds one per invocation from DI.
/// </summary>
public static class FunctionsHostServiceCollectionExtensions
{
    public static IServiceCollection AddSmartRetryFunctionsHost(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        // Durable carries our payloads through two serializers: the worker serializer (Durable's data converter for
        // activity inputs and outputs, sub-orchestration inputs, events, custom status, ContinueAsNew state and
        // HttpRequestData JSON) and, for an orchestrator input read with GetInput<T>() — which the Functions wrapper
        // holds as a JsonElement — the worker's DI JsonSerializerOptions. Both take the app's JSON shape (snake_case,
        // enums as strings), or inputs arrive with null fields and string enums throw.
        services.Configure<JsonSerializerOptions>(PaymentsJson.Apply);
        services.Configure<WorkerOptions>(options => options.Serializer = new JsonObjectSerializer(PaymentsJson.Options));

        services.AddSingleton(TimeProvider.System);

        services.AddOptions<MaintenanceOptions>()
            .Bind(configuration.GetSection(MaintenanceOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton<FutureTransactionHandler>();
        return services;
    }
}
