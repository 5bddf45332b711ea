using SmartRetry.Payments.Correlation;
using SmartRetry.Payments.Workflows.Events;

namespace SmartRetry.Payments.Gateway;

/// <summary>
/// What every activity that POSTs a payment to SmartRetry (sale, refund) does with an answer that carries a transaction
/// id: maps it to the workflow instance before the activity returns, so its webhooks find the instance, and returns the
/// webhooks that came even earlier (<see cref="EarlyTransactionEvents"/>) with the answer.
/// </summary>
internal static class PaymentSubmission
{
    /// <param name="instanceId">The workflow instance the transaction's webhooks go to.</param>
    public static async Task<PaymentSubmissionResult> CorrelateAsync(
        PaymentSubmissionResult answer,
        string instanceId,
        ICorrelationStore correlations,
        EarlyTransactionEvents earlyEvents,
        CancellationToken cancellationToken)
    {
        if (answer.TransactionId is not { } transactionId)
        {
            return answer;
        }

        await correlations.AddAsync(CorrelationKind.Transaction, transactionId, instanceId, cancellationToken);
        IReadOnlyList<TransactionEvent> early = await earlyEvents.ReadAsync(transactionId, cancellationToken);
        return early.Count > 0 ? answer with { EarlyEvents = early } : answer;
    }
}
