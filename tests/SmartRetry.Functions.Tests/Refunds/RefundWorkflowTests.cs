using Microsoft.DurableTask;
using Moq;
using SmartRetry.Functions.Refunds;
using SmartRetry.Functions.Shared.Correlation;
using SmartRetry.Functions.Shared.Durable;
using SmartRetry.Functions.Shared.Gateway;
using SmartRetry.Functions.Shared.Ledger;
using SmartRetry.Functions.Shared.Tracking;
using static SmartRetry.Functions.Tests.Refunds.RefundWorkflowHarness;

namespace SmartRetry.Functions.Tests.Refunds;

public sealed class RefundWorkflowTests
{
    [Fact]
    public async Task Approved_by_the_webhook_event_and_recorded_as_a_refund_linked_to_its_original()
    {
        RefundWorkflowHarness refund = new RefundWorkflowHarness().SmartRetryAccepts();
        await refund.StartAsync();
        Assert.Equal([PaymentStatus.Processing], refund.LedgerStatuses);

        await refund.RaiseAsync("transaction.approved", SmartRetryStatus.Approved);

        Assert.Equal(new RefundOutcome(RefundPaymentId, OriginalPaymentId, PaymentStatus.Approved, 12.50m, RefundTransactionId, "AUTH.APPROVED"), refund.Outcome);
        Assert.Equal([PaymentStatus.Processing, PaymentStatus.Approved], refund.LedgerStatuses);
        Assert.All(refund.LedgerEntries, entry => Assert.Equal(
            (RefundPaymentId, "rf-1", PaymentKind.Refund, 12.50m, "USD", OriginalPaymentId),
            (entry.PaymentId, entry.MerchantTransactionId, entry.Kind, entry.Amount, entry.Currency, entry.OriginalPaymentId)));
        Assert.Equal(RefundTransactionId, refund.LedgerEntries[^1].TransactionId);
        refund.Correlations.Verify(c => c.AddAsync(CorrelationKind.Transaction, RefundTransactionId, RefundPaymentId, It.IsAny<CancellationToken>()), Times.Once);
        Assert.Equal(0, refund.Releases);
        refund.AssertCleanFinish();
    }

    [Fact]
    public async Task Approved_by_polling_on_the_backoff_timer_when_no_webhook_comes()
    {
        RefundWorkflowHarness refund = new RefundWorkflowHarness().SmartRetryAccepts().StatusReads(SmartRetryStatus.Processing, SmartRetryStatus.Approved);
        await refund.StartAsync();

        await refund.Host.RunToCompletionAsync(RefundPaymentId);

        Assert.Equal(PaymentStatus.Approved, refund.Outcome.Status);
        // Once right after acceptance, then on the backoff timer.
        Assert.Equal([Start, Start.AddMinutes(1)],
            refund.Host.ActivityCalls.Where(c => c.Name == nameof(GetTransactionStatus)).Select(c => c.CalledAt));
        Assert.Equal(0, refund.Releases);
        refund.AssertCleanFinish();
    }

    [Fact]
    public async Task Declined_when_read_right_after_acceptance_gives_the_reservation_back()
    {
        RefundWorkflowHarness refund = new RefundWorkflowHarness().SmartRetryAccepts().StatusReads(SmartRetryStatus.Declined);
        await refund.StartAsync();

        Assert.Equal((PaymentStatus.Declined, "PROCESSOR.REFUND_FAILED"), (refund.Outcome.Status, refund.Outcome.ReasonCode));
        Assert.Equal([PaymentStatus.Declined], refund.LedgerStatuses);
        Assert.Equal(1, refund.Releases);
        refund.Reservations.Verify(r => r.ReleaseAsync(OriginalPaymentId, RefundPaymentId, It.IsAny<CancellationToken>()), Times.Once);
        refund.AssertCleanFinish();
    }

    [Fact]
    public async Task Not_accepted_is_a_decline_with_the_reason_read_from_its_status()
    {
        RefundWorkflowHarness refund = new RefundWorkflowHarness().SmartRetryAccepts(accepted: false).StatusReads(SmartRetryStatus.Declined);

        await refund.StartAsync();

        Assert.Equal((PaymentStatus.Declined, "PROCESSOR.REFUND_FAILED"), (refund.Outcome.Status, refund.Outcome.ReasonCode));
        Assert.Equal([PaymentStatus.Declined], refund.LedgerStatuses);
        Assert.Equal(1, refund.Releases);
        refund.AssertCleanFinish();
    }

    [Theory]
    [InlineData(400, "REFUND_AMOUNT_EXCEEDED", PaymentStatus.Declined)]
    [InlineData(409, "ORIGINAL_TRANSACTION_NOT_APPROVED", PaymentStatus.Declined)]
    [InlineData(400, "FULL_REFUND_ALREADY_PROCESSED", PaymentStatus.Declined)]
    [InlineData(422, "REFUND_NOT_ALLOWED_CHARGEBACK", PaymentStatus.Declined)]
    [InlineData(400, "INVALID_TRANSACTION_REFERENCE", PaymentStatus.Error)]
    public async Task A_refund_SmartRetry_refuses_is_recorded_with_its_reason_not_retried_and_releases_the_reservation(int httpStatus, string reasonCode, PaymentStatus expected)
    {
        var refund = new RefundWorkflowHarness();
        refund.Gateway.Setup(g => g.RefundAsync(It.IsAny<RefundSubmission>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(PaymentSubmissionResult.Refused(new PaymentRejection(reasonCode, httpStatus)));

        await refund.StartAsync();

        Assert.Equal((expected, reasonCode), (refund.Outcome.Status, refund.Outcome.ReasonCode));
        Assert.Equal([expected], refund.LedgerStatuses);
        Assert.Equal(reasonCode, refund.LedgerEntries[0].ReasonCode);
        Assert.Equal(1, refund.Host.CountActivityCalls(nameof(SubmitRefund)));
        Assert.Equal(1, refund.Releases);
        refund.AssertCleanFinish();
    }

    [Fact]
    public async Task An_idempotency_conflict_needs_attention_and_keeps_the_reservation()
    {
        var refund = new RefundWorkflowHarness();
        refund.Gateway.Setup(g => g.RefundAsync(It.IsAny<RefundSubmission>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(PaymentSubmissionResult.Refused(new PaymentRejection("IDEMPOTENCY_CONFLICT", 409)));

        await refund.StartAsync();

        Assert.Equal(PaymentStatus.NeedsAttention, refund.Outcome.Status);
        Assert.Equal(0, refund.Releases);
        refund.AssertCleanFinish();
    }

    [Fact]
    public async Task SmartRetry_unreachable_through_the_retry_policy_needs_attention_and_keeps_the_reservation()
    {
        var refund = new RefundWorkflowHarness();
        refund.Gateway.Setup(g => g.RefundAsync(It.IsAny<RefundSubmission>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new HttpRequestException("connection refused"));
        await refund.StartAsync();

        await refund.Host.RunToCompletionAsync(RefundPaymentId);

        Assert.Equal(PaymentStatus.NeedsAttention, refund.Outcome.Status);
        Assert.Contains("reserved", refund.Outcome.Note, StringComparison.Ordinal);
        Assert.Equal(ActivityOptions.SmartRetryOutage.Retry!.Policy!.MaxNumberOfAttempts, refund.Host.CountActivityCalls(nameof(SubmitRefund)));
        Assert.Equal([PaymentStatus.NeedsAttention], refund.LedgerStatuses);
        Assert.Equal(0, refund.Releases);
        refund.AssertCleanFinish();
    }

    [Fact]
    public async Task The_refund_is_submitted_once_with_its_derived_key_across_replays_and_activity_retries()
    {
        var refund = new RefundWorkflowHarness();
        refund.Gateway.SetupSequence(g => g.RefundAsync(It.IsAny<RefundSubmission>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new HttpRequestException("connection reset"))
            .ReturnsAsync(new PaymentSubmissionResult(true, RefundTransactionId, "OR7B9E1D", Replayed: true));
        refund.StatusReads(SmartRetryStatus.Processing, SmartRetryStatus.Processing, SmartRetryStatus.Approved);
        await refund.StartAsync();

        await refund.Host.RunToCompletionAsync(RefundPaymentId);

        string expectedKey = IdempotencyKeys.Derive(RefundPaymentId, "refund-submit");
        Assert.All(refund.Host.ActivityInputs<RefundSubmission>(nameof(SubmitRefund)), input => Assert.Equal(expectedKey, input!.IdempotencyKey));
        refund.Gateway.Verify(g => g.RefundAsync(
            new RefundSubmission(RefundPaymentId, expectedKey, "TX8A3F2C", "OR7B9E1D", "rf-1", 12.50m, "USD"), It.IsAny<CancellationToken>()), Times.Exactly(2));
        Assert.Equal(2, refund.Host.CountActivityCalls(nameof(SubmitRefund)));
        Assert.Equal(PaymentStatus.Approved, refund.Outcome.Status);
        refund.AssertCleanFinish();
    }

    [Fact]
    public async Task Once_accepted_the_refund_is_never_submitted_again_however_often_the_workflow_replays()
    {
        RefundWorkflowHarness refund = new RefundWorkflowHarness().SmartRetryAccepts().StatusReads(SmartRetryStatus.Processing);
        await refund.StartAsync();

        await refund.Host.RunToCompletionAsync(RefundPaymentId);

        Assert.Equal(PaymentStatus.DeadlineReached, refund.Outcome.Status);
        Assert.Equal(1, refund.Host.CountActivityCalls(nameof(SubmitRefund)));
        Assert.Single(refund.Submissions);
        Assert.Equal(IdempotencyKeys.Derive(RefundPaymentId, "refund-submit"), refund.Submissions[0].IdempotencyKey);
        Assert.Equal(0, refund.Releases);
        refund.AssertCleanFinish();
    }

    [Fact]
    public async Task The_custom_status_shows_the_original_the_amount_and_the_merchants_reason()
    {
        RefundWorkflowHarness refund = new RefundWorkflowHarness().SmartRetryAccepts();
        await refund.StartAsync();

        Assert.Equal(
            new RefundProgress(PaymentStatus.Processing, OriginalPaymentId, 12.50m, "damaged in transit", RefundTransactionId, new DateTimeOffset(Start + Tracking.Deadline), AttemptNumber: 1),
            refund.Instance.ReadCustomStatus<RefundProgress>());
    }
}
