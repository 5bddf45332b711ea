using System.Reflection;

namespace SmartRetry.Functions.Shared.Durable;

/// <summary>
/// Durable calls a workflow or a step by name, and that name is its class's: workflows call
/// <c>nameof(SubmitSale)</c>, the host declares <c>[Function(nameof(SubmitSale))]</c>. This finds them by shape, so the
/// composition root registers every step, the test host runs a step under its name, and a test requires a function for
/// each, with no list to keep.
/// </summary>
public static class WorkflowCatalog
{
    /// <summary>
    /// Every step (activity): a public class with an instance <c>RunAsync(input, CancellationToken)</c>, or
    /// <c>RunAsync(input, IWorkflowClient, CancellationToken)</c> for a step that drives other workflow instances (the
    /// host passes the invocation's client, as it does to request handlers).
    /// </summary>
    public static IReadOnlyList<Type> Steps { get; } = [.. Exported().Where(type => !type.IsAbstract && StepRunMethod(type) is not null)];

    /// <summary>Every workflow (orchestration): a public static class with a static <c>RunAsync(TaskOrchestrationContext, input)</c>.</summary>
    public static IReadOnlyList<Type> Workflows { get; } = [.. Exported().Where(type => type is { IsAbstract: true, IsSealed: true } && IsWorkflow(type))];

    /// <summary>The step's <c>RunAsync</c>; null when the type is not a step.</summary>
    public static MethodInfo? StepRunMethod(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).SingleOrDefault(IsStepRun);
    }

    private static bool IsStepRun(MethodInfo method)
    {
        ParameterInfo[] parameters = method.GetParameters();
        return method.Name == "RunAsync"
            && typeof(Task).IsAssignableFrom(method.ReturnType)
            && parameters.Length is 2 or 3
            && parameters[^1].ParameterType == typeof(CancellationToken)
            && (parameters.Length == 2 || parameters[1].ParameterType == typeof(IWorkflowClient));
    }

    private static bool IsWorkflow(Type type) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Any(method => method.Name == "RunAsync" && method.GetParameters() is [{ ParameterType: var first }, _] && first == typeof(Microsoft.DurableTask.TaskOrchestrationContext));

    private static IEnumerable<Type> Exported() => typeof(WorkflowCatalog).Assembly.GetExportedTypes().Where(type => type.IsClass);
}
