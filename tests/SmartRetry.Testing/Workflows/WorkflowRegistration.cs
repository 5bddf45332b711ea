using SmartRetry.Payments.Workflows;

namespace SmartRetry.Testing.Workflows;

/// <summary>A workflow entry point behind a JSON boundary: the input arrives and the output leaves serialized, as in Durable.</summary>
internal sealed class WorkflowRegistration(string name, Func<IWorkflowContext, string?, Task<string?>> run)
{
    public string Name => name;

    public Task<string?> Run(IWorkflowContext context, string? inputJson) => run(context, inputJson);

    public static WorkflowRegistration Create<TInput, TOutput>(string name, Func<IWorkflowContext, TInput, Task<TOutput>> workflow) =>
        new(name, async (context, inputJson) => WorkflowJson.Serialize(await workflow(context, WorkflowJson.Deserialize<TInput>(inputJson)!)));
}
