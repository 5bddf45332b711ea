using System.Net;
using SmartRetry.Payments.Correlation;
using SmartRetry.Payments.Workflows.Events;

namespace SmartRetry.Payments.Gateway;

/// <summary>
/// What every activity that POSTs a payment to SmartRetry (sale, refund) does with the answer. A refusal (4xx other than
/// 429) is returned as the result's rejection, since repeating the same request cannot succeed; transient failures
/// (transport, 5xx, 429) throw, so the workflow's retry policy repeats the call with the same idempotency key. A
/// transaction id that came back is mapped to the workflow instance before the activity returns, so its webhooks find it;
/// webhooks that came even earlier (<see cref="EarlyTransactionEvents"/>) are returned with the result.
/// </summary>
internal static class PaymentSubmission
{
    /// <param name="submit">The gateway call, carrying the workflow's idempotency key.</param>
    /// <param name="instanceId">The workflow instance the transaction's webhooks go to.</param>
    /// <param name="refused">Called with a refusal before it is returned (to log it).</param>
    /// <param name="submitted">Called with SmartRetry's answer once it is correlated (to log it).</param>
    public static async Task<PaymentSubmissionResult> RunAsync(
        Func<Task<SubmissionResult>> submit,
        string instanceId,
        ICorrelationStore correlations,
        EarlyTransactionEvents earlyEvents,
        Action<SmartRetryRejectedException> refused,
        Action<SubmissionResult> submitted,
        CancellationToken cancellationToken)
    {
        SubmissionResult answer;
        try
        {
            answer = await submit();
        }
        catch (SmartRetryRejectedException rejected) when (rejected.StatusCode != (int)HttpStatusCode.TooManyRequests)
        {
            refused(rejected);
            return new PaymentSubmissionResult(Accepted: false, TransactionId: null, OrderId: null, new PaymentRejection(rejected.ReasonCode ?? $"HTTP_{rejected.StatusCode}", rejected.StatusCode));
        }

        IReadOnlyList<TransactionEvent>? early = null;
        if (answer.TransactionId is { } transactionId)
        {
            await correlations.AddAsync(CorrelationKind.Transaction, transactionId, instanceId, cancellationToken);
            early = await earlyEvents.ReadAsync(transactionId, cancellationToken) is { Count: > 0 } found ? found : null;
        }

        submitted(answer);
        return new PaymentSubmissionResult(answer.Accepted, answer.TransactionId, answer.OrderId, EarlyEvents: early);
    }
}
