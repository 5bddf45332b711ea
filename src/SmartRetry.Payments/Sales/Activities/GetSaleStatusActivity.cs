using SmartRetry.Payments.Gateway;

namespace SmartRetry.Payments.Sales.Activities;

/// <summary>Reads the sale's transaction from SmartRetry's status endpoint; failures throw, for the workflow's retry policy.</summary>
public sealed class GetSaleStatusActivity(ISmartRetryGateway gateway)
{
    public Task<TransactionSnapshot> RunAsync(string transactionId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(transactionId);
        return gateway.GetTransactionAsync(transactionId, cancellationToken);
    }
}
