using SmartRetry.Payments.Gateway;

namespace SmartRetry.Payments.Recurring.Activities;

/// <summary>Reads a recurring charge's current status from SmartRetry.</summary>
public sealed class GetChargeStatusActivity(ISmartRetryGateway payments)
{
    public async Task<ChargeAttemptResult> RunAsync(string transactionId, CancellationToken cancellationToken)
    {
        TransactionSnapshot snapshot = await payments.GetTransactionAsync(transactionId, cancellationToken);
        return new ChargeAttemptResult(transactionId, snapshot.Status, snapshot.ReasonCode, snapshot.Domain);
    }
}
