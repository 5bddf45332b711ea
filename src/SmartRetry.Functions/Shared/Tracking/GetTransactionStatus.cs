using Microsoft.Azure.Functions.Worker;
using SmartRetry.Functions.Shared.Gateway;

namespace SmartRetry.Functions.Shared.Tracking;

/// <summary>
/// Reads a payment's transaction (a sale's, a refund's, a recurring charge's) from SmartRetry's status endpoint: the
/// <see cref="TransactionTracker"/>'s poll. Failures throw, for the orchestration's retry policy.
/// </summary>
public sealed class GetTransactionStatus(ISmartRetryGateway gateway)
{
    [Function(nameof(GetTransactionStatus))]
    public Task<TransactionSnapshot> RunAsync([ActivityTrigger] string transactionId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(transactionId);
        return gateway.GetTransactionAsync(transactionId, cancellationToken);
    }
}
