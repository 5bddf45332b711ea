using SmartRetry.Functions.Shared.Events;
using SmartRetry.Functions.Webhooks;

namespace SmartRetry.Functions.Shared.Correlation;

/// <summary>
/// Transaction webhooks that arrived before their transaction was mapped to an orchestration instance, which
/// <see cref="WebhookIntake"/> keeps pending. Both sides write, then read: the intake stores the event, then looks for the
/// mapping again; the activity that submits the payment writes the mapping, then reads here (<see cref="CorrelateAsync"/>
/// does both, in that order). So every event is either raised into the instance or read here, and the activity hands
/// what it read to its orchestration in its result.
/// </summary>
/// <remarks>
/// The rows are not deleted here: an activity may run again after reading them, and orchestrations ignore repeats by event
/// id. <see cref="WebhookRecordsRetention"/> deletes them with the other webhook records.
/// </remarks>
public sealed class EarlyTransactionEvents(IPendingEventStore pending)
{
    /// <summary>Maps the transaction to the instance its webhooks go to, then returns those that came earlier; null when none did.</summary>
    public async Task<IReadOnlyList<TransactionEvent>?> CorrelateAsync(
        ICorrelationStore correlations, string transactionId, string instanceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(correlations);
        ArgumentException.ThrowIfNullOrEmpty(transactionId);
        await correlations.AddAsync(CorrelationKind.Transaction, transactionId, instanceId, cancellationToken);
        IReadOnlyList<TransactionEvent> early = await ReadAsync(transactionId, cancellationToken);
        return early.Count > 0 ? early : null;
    }

    private async Task<IReadOnlyList<TransactionEvent>> ReadAsync(string transactionId, CancellationToken cancellationToken)
    {
        IReadOnlyList<PendingEvent> kept = await pending.GetAsync(CorrelationKind.Transaction, transactionId, cancellationToken);
        return [.. kept.Where(e => e.EventName == OrchestrationEventNames.Transaction).Select(e => e.ReadPayloadAs<TransactionEvent>())];
    }
}
