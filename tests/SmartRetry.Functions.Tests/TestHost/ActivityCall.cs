namespace SmartRetry.Functions.Tests.TestHost;

/// <summary>One execution of an activity (each retry attempt is its own call), with its input as it crossed the JSON boundary.</summary>
public sealed record ActivityCall(string Name, string InstanceId, string? InputJson, DateTime CalledAt)
{
    public T? ReadInput<T>() => WorkflowJson.Deserialize<T>(InputJson);
}
