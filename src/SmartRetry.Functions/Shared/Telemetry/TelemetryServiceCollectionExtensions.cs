using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using SmartRetry.Client;

namespace SmartRetry.Functions.Shared.Telemetry;

/// <summary>
/// OpenTelemetry in the worker, the way the Functions isolated model expects it (with <c>"telemetryMode":
/// "OpenTelemetry"</c> in host.json): each invocation's span continues the trace the host hands over, and our sources
/// and meters are exported beside it. Azure Monitor when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set, signed by
/// the managed identity that <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> names; OTLP when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; nothing otherwise.
/// </summary>
public static class TelemetryServiceCollectionExtensions
{
    /// <summary>The service name the worker's spans, metrics and logs are exported under.</summary>
    public const string ServiceName = "SmartRetry.Functions";

    /// <summary>The Durable Task worker's own spans: orchestrations started, events raised.</summary>
    public const string DurableTaskSourceName = "Microsoft.DurableTask";

    public static IServiceCollection AddSmartRetryTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddMetrics();
        services.AddSingleton<PaymentMetrics>();

        // Always on, not parent-based: the host propagates its Durable spans (orchestrator and activity invocations) as
        // not sampled, because it does not record them itself; a parent-based sampler would drop every span of a
        // payment after its HTTP request. Volume is governed by the exporter (Azure Monitor's sampling ratio).
        IOpenTelemetryBuilder telemetry = services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing => tracing
                .SetSampler(new AlwaysOnSampler())
                .AddSource(PaymentTracing.SourceName, SmartRetryClientTelemetry.SourceName, DurableTaskSourceName))
            .WithMetrics(metrics => metrics.AddMeter(PaymentMetrics.MeterName, SmartRetryClientTelemetry.MeterName));

        string? connectionString = configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            TokenCredential? credential = ManagedIdentityFrom(configuration["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
            telemetry.UseAzureMonitorExporter(options =>
            {
                options.ConnectionString = connectionString;
                options.Credential = credential;
            });
        }
        else if (!string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }

        return services;
    }

    /// <summary>
    /// The host reads <c>ClientId=...;Authorization=AAD</c> to sign its own exports with Microsoft Entra ID; the worker
    /// signs with the same identity, so one setting serves both and no instrumentation key alone is ever accepted.
    /// </summary>
    internal static TokenCredential? ManagedIdentityFrom(string? authenticationString) =>
        EntraAuthenticationFrom(authenticationString) is { } identity
            ? new ManagedIdentityCredential(identity.ClientId is { } clientId ? ManagedIdentityId.FromUserAssignedClientId(clientId) : ManagedIdentityId.SystemAssigned)
            : null;

    /// <summary>The identity an <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> asks for; null when it asks for none.</summary>
    internal static EntraAuthentication? EntraAuthenticationFrom(string? authenticationString)
    {
        if (string.IsNullOrWhiteSpace(authenticationString))
        {
            return null;
        }

        Dictionary<string, string> parts = authenticationString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2, StringSplitOptions.TrimEntries))
            .Where(pair => pair.Length == 2)
            .GroupBy(pair => pair[0], StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => group.Last()[1], StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Authorization", out string? authorization) || !authorization.Equals("AAD", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return new EntraAuthentication(parts.TryGetValue("ClientId", out string? clientId) && !string.IsNullOrWhiteSpace(clientId) ? clientId : null);
    }

    /// <param name="ClientId">A user-assigned identity's client id; null for the system-assigned identity.</param>
    internal sealed record EntraAuthentication(string? ClientId);
}
