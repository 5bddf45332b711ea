using Microsoft.Azure.Functions.Worker;
using SmartRetry.Functions.Shared.Series;

namespace SmartRetry.Functions.Series.MerchantManaged;

/// <summary>Sets a series' default amount at SmartRetry (a PUT: repeating it with the same amount is harmless).</summary>
public sealed class UpdateRecurringAmount(ISmartRetryRecurringGateway recurring)
{
    [Function(nameof(UpdateRecurringAmount))]
    public Task<bool> RunAsync([ActivityTrigger] RecurringUpdate update, CancellationToken cancellationToken) => recurring.UpdateRecurringAsync(update, cancellationToken);
}
