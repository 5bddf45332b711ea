namespace SmartRetry.Functions.Tests.TestHost;

/// <summary>
/// An event a cancelled wait swallowed (the Durable Task 1.25.0 lost-event bug, functions-api.md §8): the orchestration never
/// saw it. A correct orchestration leaves this list empty.
/// </summary>
public sealed record SwallowedEvent(string InstanceId, string Name, string? PayloadJson, DateTime RaisedAt);
