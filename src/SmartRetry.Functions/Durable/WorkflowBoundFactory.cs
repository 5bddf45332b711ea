using Microsoft.Extensions.DependencyInjection;
using SmartRetry.Payments.Workflows;

namespace SmartRetry.Functions.Durable;

/// <summary>
/// Builds a Payments service whose constructor takes an <see cref="IWorkflowClient"/>: the Durable client exists only
/// per invocation (<c>[DurableClient]</c>), so such services cannot come from DI. Their other dependencies do.
/// </summary>
public sealed class WorkflowBoundFactory<T>(IServiceProvider services)
    where T : class
{
    public T Create(IWorkflowClient workflows)
    {
        ArgumentNullException.ThrowIfNull(workflows);
        return ActivatorUtilities.CreateInstance<T>(services, workflows);
    }
}
