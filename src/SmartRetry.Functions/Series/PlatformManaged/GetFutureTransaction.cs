using SmartRetry.Functions.Shared.Series;

namespace SmartRetry.Functions.Series.PlatformManaged;

public sealed class GetFutureTransaction(ISmartRetryRecurringGateway recurring)
{
    public Task<FutureTransactionSnapshot> RunAsync(string futureTransactionId, CancellationToken cancellationToken) =>
        recurring.GetFutureTransactionAsync(futureTransactionId, cancellationToken);
}
