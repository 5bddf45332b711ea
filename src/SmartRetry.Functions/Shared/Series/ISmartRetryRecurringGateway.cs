using SmartRetry.Functions.Shared.Gateway;

namespace SmartRetry.Functions.Shared.Series;

/// <summary>
/// SmartRetry's recurring and future-transaction endpoints (https://www.smartretry.com/docs/concepts/recurring-payments) in the app's terms; the
/// companion of <see cref="ISmartRetryGateway"/>, kept separate so each port stays small. Same error contract:
/// transport failures and 5xx throw (activity retries repeat the same idempotency key); 4xx throw
/// <see cref="SmartRetryRejectedException"/>.
/// </summary>
public interface ISmartRetryRecurringGateway
{
    Task<RecurringInitReply> InitRecurringAsync(RecurringInitSubmission submission, CancellationToken cancellationToken);

    Task<RecurringSnapshot> GetRecurringAsync(string recurringId, CancellationToken cancellationToken);

    /// <summary>A merchant-triggered charge on a <c>managed_by: merchant</c> series.</summary>
    Task<SubmissionResult> ChargeRecurringAsync(RecurringChargeSubmission charge, CancellationToken cancellationToken);

    /// <summary>PUT: SmartRetry ignores idempotency keys here; sending the same values again is harmless. Returns SmartRetry's accepted flag.</summary>
    Task<bool> UpdateRecurringAsync(RecurringUpdate update, CancellationToken cancellationToken);

    Task<bool> CancelRecurringAsync(string idempotencyKey, string recurringId, CancellationToken cancellationToken);

    Task<FutureTransactionSnapshot> GetFutureTransactionAsync(string futureTransactionId, CancellationToken cancellationToken);

    Task<bool> UpdateFutureTransactionAsync(FutureTransactionUpdate update, CancellationToken cancellationToken);

    Task<SubmissionResult> ChargeFutureTransactionAsync(FutureTransactionCharge charge, CancellationToken cancellationToken);

    Task<bool> CancelFutureTransactionAsync(string idempotencyKey, string futureTransactionId, string recurringId, CancellationToken cancellationToken);
}
