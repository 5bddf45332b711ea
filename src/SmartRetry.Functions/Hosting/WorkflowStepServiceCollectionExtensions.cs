using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SmartRetry.Functions.Shared.Durable;

namespace SmartRetry.Functions.Hosting;

public static class WorkflowStepServiceCollectionExtensions
{
    /// <summary>
    /// Every workflow step (<see cref="WorkflowCatalog.Steps"/>) as a singleton, so adding a step takes its class and its
    /// host function, and no line here.
    /// </summary>
    public static IServiceCollection AddWorkflowSteps(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        foreach (Type step in WorkflowCatalog.Steps)
        {
            services.TryAddSingleton(step);
        }

        return services;
    }
}
