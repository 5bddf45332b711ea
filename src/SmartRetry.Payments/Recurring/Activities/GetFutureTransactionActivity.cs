using SmartRetry.Payments.Recurring.Gateway;

namespace SmartRetry.Payments.Recurring.Activities;

public sealed class GetFutureTransactionActivity(ISmartRetryRecurringGateway recurring)
{
    public const string Name = "GetFutureTransaction";

    public Task<FutureTransactionSnapshot> RunAsync(string futureTransactionId, CancellationToken cancellationToken) =>
        recurring.GetFutureTransactionAsync(futureTransactionId, cancellationToken);
}
