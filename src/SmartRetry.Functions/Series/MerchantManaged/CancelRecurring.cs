using Microsoft.Azure.Functions.Worker;
using SmartRetry.Functions.Shared.Gateway;
using SmartRetry.Functions.Shared.Series;

namespace SmartRetry.Functions.Series.MerchantManaged;

/// <summary>Cancels a series at SmartRetry. Already cancelled counts as done, so a repeat is harmless.</summary>
public sealed class CancelRecurring(ISmartRetryRecurringGateway recurring)
{
    [Function(nameof(CancelRecurring))]
    public async Task<bool> RunAsync([ActivityTrigger] CancelRecurringRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return await recurring.CancelRecurringAsync(request.IdempotencyKey, request.RecurringId, cancellationToken);
        }
        catch (SmartRetryRejectedException rejected) when (rejected.ReasonCode == "RECURRING_ALREADY_CANCELLED")
        {
            return true;
        }
    }
}
