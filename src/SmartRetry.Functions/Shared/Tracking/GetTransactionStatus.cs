using SmartRetry.Functions.Shared.Gateway;

namespace SmartRetry.Functions.Shared.Tracking;

/// <summary>
/// Reads a payment's transaction (a sale's, a refund's, a recurring charge's) from SmartRetry's status endpoint: the
/// <see cref="TransactionTracker"/>'s poll. Failures throw, for the workflow's retry policy.
/// </summary>
public sealed class GetTransactionStatus(ISmartRetryGateway gateway)
{
    public Task<TransactionSnapshot> RunAsync(string transactionId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(transactionId);
        return gateway.GetTransactionAsync(transactionId, cancellationToken);
    }
}
