using SmartRetry.Payments.Recurring.Gateway;

namespace SmartRetry.Payments.Recurring.Activities;

public sealed class GetFutureTransaction(ISmartRetryRecurringGateway recurring)
{
    public Task<FutureTransactionSnapshot> RunAsync(string futureTransactionId, CancellationToken cancellationToken) =>
        recurring.GetFutureTransactionAsync(futureTransactionId, cancellationToken);
}
