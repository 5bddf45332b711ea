using Microsoft.Azure.Functions.Worker;
using SmartRetry.Functions.Shared.Series;

namespace SmartRetry.Functions.Series.PlatformManaged;

public sealed class GetFutureTransaction(ISmartRetryRecurringGateway recurring)
{
    [Function(nameof(GetFutureTransaction))]
    public Task<FutureTransactionSnapshot> RunAsync([ActivityTrigger] string futureTransactionId, CancellationToken cancellationToken) =>
        recurring.GetFutureTransactionAsync(futureTransactionId, cancellationToken);
}
