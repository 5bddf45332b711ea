namespace SmartRetry.Functions.Tests.TestHost;

/// <summary>An activity behind a JSON boundary: input and result cross it serialized, as in Durable.</summary>
internal sealed class ActivityRegistration(string name, Func<string?, CancellationToken, Task<string?>> invoke)
{
    public string Name => name;

    public Task<string?> Invoke(string? inputJson, CancellationToken cancellationToken) => invoke(inputJson, cancellationToken);

    public static ActivityRegistration Create<TInput, TResult>(string name, Func<TInput, CancellationToken, Task<TResult>> activity) =>
        new(name, async (inputJson, ct) => WorkflowJson.Serialize(await activity(WorkflowJson.Deserialize<TInput>(inputJson)!, ct)));

    public static ActivityRegistration Create<TInput>(string name, Func<TInput, CancellationToken, Task> activity) =>
        new(name, async (inputJson, ct) =>
        {
            await activity(WorkflowJson.Deserialize<TInput>(inputJson)!, ct);
            return null;
        });
}
