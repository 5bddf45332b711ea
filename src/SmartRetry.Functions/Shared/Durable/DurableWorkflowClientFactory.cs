using Microsoft.DurableTask.Client;

namespace SmartRetry.Functions.Shared.Durable;

public sealed class DurableWorkflowClientFactory : IWorkflowClientFactory
{
    public IWorkflowClient Create(DurableTaskClient durableClient) => new DurableWorkflowClient(durableClient);
}
