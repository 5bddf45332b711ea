using Microsoft.Azure.Functions.Worker;
using SmartRetry.Functions.Refunds.Activities;
using SmartRetry.Functions.Shared.Gateway;
using SmartRetry.Functions.Shared.Tracking;

namespace SmartRetry.Functions.Refunds;

/// <summary>
/// The refund workflow's own activities, each delegating to its Payments activity. Its status reads and ledger writes
/// are <see cref="PaymentStepFunctions"/>.
/// </summary>
public sealed class RefundActivityFunctions(SubmitRefund submit, ReleaseRefundReservation releaseReservation)
{
    [Function(nameof(SubmitRefund))]
    public Task<PaymentSubmissionResult> SubmitRefund([ActivityTrigger] RefundSubmission refund, CancellationToken cancellationToken)
        => submit.RunAsync(refund, cancellationToken);

    [Function(nameof(ReleaseRefundReservation))]
    public Task<bool> ReleaseRefundReservation([ActivityTrigger] RefundRelease release, CancellationToken cancellationToken)
        => releaseReservation.RunAsync(release, cancellationToken);
}
