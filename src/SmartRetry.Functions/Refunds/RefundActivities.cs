using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using SmartRetry.Functions.Shared.Correlation;
using SmartRetry.Functions.Shared.Gateway;
using SmartRetry.Functions.Shared.Ledger;

namespace SmartRetry.Functions.Refunds;

/// <summary>
/// Submits the refund to SmartRetry with the orchestration's idempotency key, as a sale is submitted: a refusal such as
/// <c>REFUND_AMOUNT_EXCEEDED</c> comes back as the result's rejection, transient failures throw for the retry policy, and
/// the refund's own transaction id is correlated to the refund's instance, with the webhooks that came even earlier
/// returned in the result (<see cref="EarlyTransactionEvents"/>).
/// </summary>
public sealed class SubmitRefund(ISmartRetryGateway gateway, ICorrelationStore correlations, EarlyTransactionEvents earlyEvents, ILogger<SubmitRefund> logger)
{
    [Function(nameof(SubmitRefund))]
    public async Task<PaymentSubmissionResult> RunAsync([ActivityTrigger] RefundSubmission refund, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(refund);
        using IDisposable? scope = logger.BeginScope(new Dictionary<string, object> { ["PaymentId"] = refund.RefundPaymentId, ["IdempotencyKey"] = refund.IdempotencyKey });
        PaymentSubmissionResult answer = await gateway.RefundAsync(refund, cancellationToken);
        if (answer.Rejection is { } rejection)
        {
            RefundLog.RefundRefused(logger, refund.RefundPaymentId, rejection.HttpStatus, rejection.ReasonCode);
            return answer;
        }

        if (answer.TransactionId is { } transactionId)
        {
            answer = answer with { EarlyEvents = await earlyEvents.CorrelateAsync(correlations, transactionId, refund.RefundPaymentId, cancellationToken) };
        }

        RefundLog.RefundSubmitted(logger, refund.RefundPaymentId, answer.TransactionId, answer.Accepted, answer.Replayed);
        return answer;
    }
}

/// <summary>Gives a refund's reservation back after it ended without money moving. Releasing twice is harmless.</summary>
public sealed class ReleaseRefundReservation(IRefundReservations reservations)
{
    [Function(nameof(ReleaseRefundReservation))]
    public Task<bool> RunAsync([ActivityTrigger] RefundRelease release, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(release);
        return reservations.ReleaseAsync(release.OriginalPaymentId, release.RefundPaymentId, cancellationToken);
    }
}
