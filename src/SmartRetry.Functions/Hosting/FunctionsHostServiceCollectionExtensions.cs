using Azure.Core.Serialization;
using Azure.Data.Tables;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmartRetry.Functions.Configuration;
using SmartRetry.Functions.Durable;
using SmartRetry.Payments.Serialization;

namespace SmartRetry.Functions.Hosting;

/// <summary>What the Functions host itself contributes to DI: shared JSON, time, validated options, storage and Durable adapters.</summary>
public static class FunctionsHostServiceCollectionExtensions
{
    public static IServiceCollection AddSmartRetryFunctionsHost(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        // The worker serializer is also Durable's data converter: workflow inputs, outputs, events and custom status,
        // and HttpRequestData/HttpResponseData JSON, all take the Payments shape (snake_case, enums as strings).
        services.Configure<WorkerOptions>(options => options.Serializer = new JsonObjectSerializer(PaymentsJson.Options));

        services.AddSingleton(TimeProvider.System);

        services.AddOptions<TableStorageOptions>()
            .Bind(configuration.GetSection(TableStorageOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<TableStorageOptions>, TableStorageOptionsValidator>();
        services.AddSingleton(provider => TableServiceClientFactory.Create(provider.GetRequiredService<IOptions<TableStorageOptions>>().Value));

        services.AddOptions<MaintenanceOptions>()
            .Bind(configuration.GetSection(MaintenanceOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton<IWorkflowClientFactory, DurableWorkflowClientFactory>();
        return services;
    }
}
