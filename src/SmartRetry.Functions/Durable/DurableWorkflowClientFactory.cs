using Microsoft.DurableTask.Client;
using SmartRetry.Payments.Workflows;

namespace SmartRetry.Functions.Durable;

public sealed class DurableWorkflowClientFactory : IWorkflowClientFactory
{
    public IWorkflowClient Create(DurableTaskClient durableClient) => new DurableWorkflowClient(durableClient);
}
