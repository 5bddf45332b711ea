using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SmartRetry.Payments.Workflows;

namespace SmartRetry.Payments.DependencyInjection;

public static class WorkflowStepServiceCollectionExtensions
{
    /// <summary>
    /// Every workflow step (<see cref="WorkflowCatalog.Steps"/>) as a singleton, so adding a step takes its class and its
    /// host function, and no line here. A step that takes the per-invocation <see cref="IWorkflowClient"/>
    /// is left out: the host builds it per call (<c>WorkflowBoundFactory</c>).
    /// </summary>
    public static IServiceCollection AddWorkflowSteps(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        foreach (Type step in WorkflowCatalog.Steps.Where(step => !step.GetConstructors().Any(TakesWorkflowClient)))
        {
            services.TryAddSingleton(step);
        }

        return services;
    }

    private static bool TakesWorkflowClient(ConstructorInfo constructor) =>
        constructor.GetParameters().Any(parameter => parameter.ParameterType == typeof(IWorkflowClient));
}
