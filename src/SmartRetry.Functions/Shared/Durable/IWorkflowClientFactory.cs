using Microsoft.DurableTask.Client;

namespace SmartRetry.Functions.Shared.Durable;

/// <summary>
/// Turns the invocation's <c>[DurableClient]</c> binding into the Payments port. Functions take the factory from DI
/// and the client as a parameter, so tests can substitute the port without a Durable client.
/// </summary>
public interface IWorkflowClientFactory
{
    IWorkflowClient Create(DurableTaskClient durableClient);
}
