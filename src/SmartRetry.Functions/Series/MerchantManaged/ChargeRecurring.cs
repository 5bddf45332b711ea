using Microsoft.Azure.Functions.Worker;
using SmartRetry.Functions.Shared.Correlation;
using SmartRetry.Functions.Shared.Events;
using SmartRetry.Functions.Shared.Gateway;
using SmartRetry.Functions.Shared.Series;

namespace SmartRetry.Functions.Series.MerchantManaged;

/// <summary>
/// Submits one merchant-triggered charge (SmartRetry <c>recurring/charge</c>) and maps the transaction to the cycle
/// instance so its webhooks reach the cycle; webhooks that came even earlier (<see cref="EarlyTransactionEvents"/>) are
/// returned with the result. Retries by the activity policy repeat the same idempotency key.
/// </summary>
public sealed class ChargeRecurring(ISmartRetryRecurringGateway recurring, ISmartRetryGateway payments, ICorrelationStore correlations, EarlyTransactionEvents earlyEvents)
{
    [Function(nameof(ChargeRecurring))]
    public async Task<ChargeAttemptResult> RunAsync([ActivityTrigger] ChargeRecurringRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        SubmissionResult submitted;
        try
        {
            submitted = await recurring.ChargeRecurringAsync(
                new RecurringChargeSubmission(request.IdempotencyKey, request.RecurringId, request.Amount, request.Currency), cancellationToken);
        }
        catch (SmartRetryRejectedException rejected)
        {
            // SmartRetry refused the request itself (e.g. RECURRING_NOT_ACTIVE): nothing was charged, and the same request cannot succeed.
            return new ChargeAttemptResult(null, SmartRetryStatus.Declined, rejected.ReasonCode ?? $"HTTP_{rejected.StatusCode}", "VALIDATION");
        }

        if (submitted.TransactionId is not { } transactionId)
        {
            return new ChargeAttemptResult(null, submitted.Accepted ? SmartRetryStatus.Unknown : SmartRetryStatus.Declined);
        }

        IReadOnlyList<TransactionEvent>? early = await earlyEvents.CorrelateAsync(correlations, transactionId, request.CycleInstanceId, cancellationToken);
        if (submitted.Accepted)
        {
            return new ChargeAttemptResult(transactionId, SmartRetryStatus.Processing, EarlyEvents: early);
        }

        // accepted:false is a decline; the status endpoint says why, which decides whether dunning may retry.
        TransactionSnapshot snapshot = await payments.GetTransactionAsync(transactionId, cancellationToken);
        return new ChargeAttemptResult(transactionId, SmartRetryStatus.Declined, snapshot.ReasonCode, snapshot.Domain);
    }
}
