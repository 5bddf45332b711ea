using Microsoft.DurableTask;

namespace SmartRetry.Functions.Tests.TestHost;

/// <summary>An orchestration behind a JSON boundary: the input arrives and the output leaves serialized, as in Durable.</summary>
internal sealed class WorkflowRegistration(string name, Func<TaskOrchestrationContext, Task<string?>> run)
{
    public string Name => name;

    public Task<string?> Run(TaskOrchestrationContext context) => run(context);

    /// <summary>An orchestration as the host declares it: it reads its input from its context.</summary>
    public static WorkflowRegistration Create<TOutput>(string name, Func<TaskOrchestrationContext, Task<TOutput>> orchestration) =>
        new(name, async context => WorkflowJson.Serialize(await orchestration(context)));

    public static WorkflowRegistration Create<TInput, TOutput>(string name, Func<TaskOrchestrationContext, TInput, Task<TOutput>> orchestration) =>
        Create(name, context => orchestration(context, context.GetInput<TInput>()!));
}
