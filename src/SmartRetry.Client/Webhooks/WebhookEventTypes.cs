namespace SmartRetry.Client.Webhooks;

/// <summary>
/// The <see cref="WebhookEvent.Type"/> values SmartRetry documents (https://www.smartretry.com/docs/integration/webhooks).
/// A type not listed here may still arrive: compare with these, and treat any other as one to store and ignore.
/// </summary>
public static class WebhookEventTypes
{
    public const string TransactionApproved = "transaction.approved";
    public const string TransactionDeclined = "transaction.declined";
    public const string TransactionPending = "transaction.pending";
    public const string TransactionRetryScheduled = "transaction.retry_scheduled";
    public const string TransactionRetryAttempted = "transaction.retry_attempted";
    public const string RecurringCreated = "recurring.created";
    public const string RecurringCharged = "recurring.charged";
    public const string RecurringCancelled = "recurring.cancelled";
    public const string RecurringCompleted = "recurring.completed";
    public const string FutureTransactionScheduled = "future_transaction.scheduled";
    public const string FutureTransactionExecuted = "future_transaction.executed";
    public const string FutureTransactionCancelled = "future_transaction.cancelled";
}
