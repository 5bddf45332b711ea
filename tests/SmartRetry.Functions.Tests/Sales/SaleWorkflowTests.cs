using System.Text.RegularExpressions;
using Microsoft.DurableTask;
using Moq;
using SmartRetry.Client.Errors;
using SmartRetry.Functions.Sales;
using SmartRetry.Functions.Shared.Cards;
using SmartRetry.Functions.Shared.Correlation;
using SmartRetry.Functions.Shared.Durable;
using SmartRetry.Functions.Shared.Events;
using SmartRetry.Functions.Shared.Gateway;
using SmartRetry.Functions.Shared.Ledger;
using SmartRetry.Functions.Shared.Tracking;
using SmartRetry.Functions.Tests.Shared.Gateway;
using SmartRetry.Functions.Tests.TestHost;
using static SmartRetry.Functions.Tests.Sales.SaleWorkflowHarness;

namespace SmartRetry.Functions.Tests.Sales;

public partial class SaleWorkflowTests
{
    [Fact]
    public async Task Approved_by_the_webhook_event()
    {
        SaleWorkflowHarness sale = new SaleWorkflowHarness().SmartRetryAccepts();
        await sale.StartAsync();
        Assert.Equal([PaymentStatus.Processing], sale.LedgerStatuses);

        await sale.RaiseAsync("transaction.approved", SmartRetryStatus.Approved);

        Assert.Equal(new SaleOutcome(PaymentId, PaymentStatus.Approved, TransactionId, "AUTH.APPROVED"), sale.Outcome);
        Assert.Equal([PaymentStatus.Processing, PaymentStatus.Approved], sale.LedgerStatuses);
        Assert.Equal(1, sale.SubmitCalls);
        Assert.Equal(0, sale.StatusPolls);
        sale.Correlations.Verify(c => c.AddAsync(CorrelationKind.Transaction, TransactionId, PaymentId, It.IsAny<CancellationToken>()), Times.Once);
        sale.AssertCleanFinish();
    }

    [Fact]
    public async Task The_card_is_taken_from_the_vault_and_SmartRetrys_answer_takes_its_place_before_the_workflow_goes_on()
    {
        SaleWorkflowHarness sale = new SaleWorkflowHarness().SmartRetryAccepts();

        await sale.StartAsync();

        sale.Gateway.Verify(g => g.SubmitSaleAsync(It.IsAny<SaleSubmission>(), TestCard, It.IsAny<CancellationToken>()), Times.Once);
        Assert.Null(sale.Held.Card);
        Assert.Equal(TransactionId, sale.Held.Answer!.TransactionId);
        Assert.All(sale.Host.ActivityInputs<SaleSubmission>(nameof(SubmitSale)), submission => Assert.Null(submission!.Card));
    }

    /// <summary>An instance started before the card vault replays with the card its input carries, and still charges it.</summary>
    [Fact]
    public async Task A_sale_started_before_the_card_vault_is_charged_with_the_card_its_input_carries()
    {
        SaleWorkflowHarness sale = new SaleWorkflowHarness().SmartRetryAccepts();

        await sale.StartCarryingTheCardAsync();
        await sale.RaiseAsync("transaction.approved", SmartRetryStatus.Approved);

        Assert.Equal(PaymentStatus.Approved, sale.Outcome.Status);
        Assert.Equal(LegacySealedCard, Assert.Single(sale.Host.ActivityInputs<SaleSubmission>(nameof(SubmitSale)))!.Card);
        sale.Cards.Verify(v => v.OpenAsync<PaymentSubmissionResult>(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        sale.AssertCleanFinish();
    }

    [Fact]
    public async Task An_approval_webhook_that_came_before_the_transaction_was_correlated_is_not_lost()
    {
        SaleWorkflowHarness sale = new SaleWorkflowHarness().SmartRetryAccepts().WebhooksArrivedEarly(("transaction.approved", SmartRetryStatus.Approved));

        await sale.StartAsync();

        Assert.Equal(new SaleOutcome(PaymentId, PaymentStatus.Approved, TransactionId, "AUTH.APPROVED", AttemptNumber: 1), sale.Outcome);
        Assert.Equal([PaymentStatus.Processing, PaymentStatus.Approved], sale.LedgerStatuses);
        Assert.Equal(0, sale.StatusPolls);
        sale.AssertCleanFinish();
    }

    [Fact]
    public async Task A_decline_webhook_that_came_early_is_confirmed_by_a_status_read_at_once()
    {
        SaleWorkflowHarness sale = new SaleWorkflowHarness().SmartRetryAccepts()
            .WebhooksArrivedEarly(("transaction.declined", SmartRetryStatus.Declined))
            .StatusReads((SmartRetryStatus.Declined, 1));

        await sale.StartAsync();

        Assert.Equal(PaymentStatus.Declined, sale.Outcome.Status);
        Assert.Equal([Start], sale.Host.ActivityCalls.Where(c => c.Name == nameof(GetTransactionStatus)).Select(c => c.CalledAt));
        sale.AssertCleanFinish();
    }

    [Fact]
    public async Task Approved_by_polling_on_the_backoff_timer_when_no_webhook_comes()
    {
        SaleWorkflowHarness sale = new SaleWorkflowHarness().SmartRetryAccepts().StatusReads((SmartRetryStatus.Processing, 1), (SmartRetryStatus.Approved, 1));
        await sale.StartAsync();

        await sale.Host.RunToCompletionAsync(PaymentId);

        Assert.Equal(PaymentStatus.Approved, sale.Outcome.Status);
        Assert.Equal([Start.AddMinutes(1), Start.AddMinutes(3)], sale.Host.ActivityCalls.Where(c => c.Name == nameof(GetTransactionStatus)).Select(c => c.CalledAt));
        PaymentLedgerEntry approved = sale.LedgerEntries[^1];
        Assert.Equal(new CardSummary("tok_abc", "1111", "411111", "Visa"), approved.Card);
        Assert.Equal(1, sale.SubmitCalls);
        sale.AssertCleanFinish();
    }

    [Fact]
    public async Task Declined_when_SmartRetry_does_not_accept_the_sale_with_the_reason_read_from_its_status()
    {
        SaleWorkflowHarness sale = new SaleWorkflowHarness().SmartRetryAccepts(accepted: false).StatusReads((SmartRetryStatus.Declined, 1));

        await sale.StartAsync();

        Assert.Equal(new SaleOutcome(PaymentId, PaymentStatus.Declined, TransactionId, "PAYER_ACCOUNT.INSUFFICIENT_FUNDS", AttemptNumber: 1), sale.Outcome);
        Assert.Equal([PaymentStatus.Declined], sale.LedgerStatuses);
        Assert.Equal(1, sale.SubmitCalls);
        Assert.Equal(1, sale.StatusPolls);
        sale.AssertCleanFinish();
    }

    [Fact]
    public async Task Declined_without_a_transaction_id_needs_no_status_read()
    {
        var sale = new SaleWorkflowHarness();
        sale.Gateway.Setup(g => g.SubmitSaleAsync(It.IsAny<SaleSubmission>(), It.IsAny<CardDetails>(), It.IsAny<CancellationToken>())).ReturnsAsync(new PaymentSubmissionResult(false, null, null));

        await sale.StartAsync();

        Assert.Equal(new SaleOutcome(PaymentId, PaymentStatus.Declined), sale.Outcome);
        Assert.Equal(0, sale.StatusPolls);
        sale.AssertCleanFinish();
    }

    [Fact]
    public async Task Declined_by_webhook_after_SmartRetrys_retries_which_the_custom_status_showed()
    {
        SaleWorkflowHarness sale = new SaleWorkflowHarness().SmartRetryAccepts().StatusReads((SmartRetryStatus.Declined, 3));
        await sale.StartAsync();

        await sale.RaiseAsync("transaction.retry_scheduled", attempt: 1);
        await sale.RaiseAsync("transaction.retry_attempted", SmartRetryStatus.Declined, attempt: 2);
        Assert.Equal(new SaleProgress(PaymentStatus.Processing, TransactionId, Deadline: Start + Tracking.Deadline, RetriesScheduled: 1, RetriesAttempted: 1, AttemptNumber: 2),
            sale.Instance.ReadCustomStatus<SaleProgress>());
        await sale.RaiseAsync("transaction.retry_scheduled", attempt: 2);
        await sale.RaiseAsync("transaction.retry_attempted", attempt: 3);
        await sale.RaiseAsync("transaction.declined", SmartRetryStatus.Declined, attempt: 3);

        Assert.Equal(new SaleOutcome(PaymentId, PaymentStatus.Declined, TransactionId, "PAYER_ACCOUNT.INSUFFICIENT_FUNDS", AttemptNumber: 3), sale.Outcome);
        Assert.Equal([PaymentStatus.Processing, PaymentStatus.Declined], sale.LedgerStatuses);
        Assert.Contains(sale.Instance.ReadCustomStatusHistory<SaleProgress>(), p => p is { RetriesScheduled: 2, RetriesAttempted: 2, AttemptNumber: 3 });
        Assert.Equal(1, sale.StatusPolls);
        sale.AssertCleanFinish();
    }

    [Fact]
    public async Task A_decline_event_for_an_attempt_SmartRetry_is_still_retrying_does_not_end_the_sale()
    {
        SaleWorkflowHarness sale = new SaleWorkflowHarness().SmartRetryAccepts().StatusReads((SmartRetryStatus.Processing, 1));
        await sale.StartAsync();

        await sale.RaiseAsync("transaction.declined", SmartRetryStatus.Declined, attempt: 1);
        Assert.False(sale.Instance.IsFinished);
        await sale.RaiseAsync("transaction.approved", SmartRetryStatus.Approved, attempt: 2);

        Assert.Equal(PaymentStatus.Approved, sale.Outcome.Status);
        Assert.Equal(2, sale.Outcome.AttemptNumber);
        sale.AssertCleanFinish();
    }

    [Fact]
    public async Task Unknown_status_ends_in_needs_attention_and_is_never_guessed()
    {
        SaleWorkflowHarness sale = new SaleWorkflowHarness().SmartRetryAccepts().StatusReads((SmartRetryStatus.Unknown, 1));
        await sale.StartAsync();

        await sale.Host.RunToCompletionAsync(PaymentId);

        Assert.Equal(PaymentStatus.NeedsAttention, sale.Outcome.Status);
        Assert.Contains("UNKNOWN", sale.Outcome.Note, StringComparison.Ordinal);
        Assert.Equal([PaymentStatus.Processing, PaymentStatus.NeedsAttention], sale.LedgerStatuses);
        Assert.Equal(Start.AddMinutes(1), sale.Instance.LastUpdatedAt);
        sale.AssertCleanFinish();
    }

    [Fact]
    public async Task Deadline_reached_after_polling_on_a_capped_backoff()
    {
        SaleWorkflowHarness sale = new SaleWorkflowHarness().SmartRetryAccepts().StatusReads((SmartRetryStatus.Processing, 1));
        await sale.StartAsync();

        await sale.Host.RunToCompletionAsync(PaymentId);

        Assert.Equal(PaymentStatus.DeadlineReached, sale.Outcome.Status);
        Assert.Equal([1, 3, 7, 10], sale.Host.ActivityCalls.Where(c => c.Name == nameof(GetTransactionStatus)).Select(c => (c.CalledAt - Start).TotalMinutes));
        Assert.Equal([PaymentStatus.Processing, PaymentStatus.DeadlineReached], sale.LedgerStatuses);
        sale.AssertCleanFinish();
    }

    [Fact]
    public async Task A_future_dated_sale_is_submitted_at_its_time()
    {
        SaleWorkflowHarness sale = new SaleWorkflowHarness().SmartRetryAccepts();
        await sale.StartAsync(scheduledAt: new DateTimeOffset(Start.AddHours(2)));
        Assert.Equal(PaymentStatus.Scheduled, sale.Instance.ReadCustomStatus<SaleProgress>()!.Status);

        await sale.Host.AdvanceTimeAsync(TimeSpan.FromMinutes(119));
        Assert.Equal(0, sale.SubmitCalls);
        await sale.Host.AdvanceTimeAsync(TimeSpan.FromMinutes(1));

        ActivityCall submit = Assert.Single(sale.Host.ActivityCalls, c => c.Name == nameof(SubmitSale));
        Assert.Equal(Start.AddHours(2), submit.CalledAt);
        await sale.RaiseAsync("transaction.approved", SmartRetryStatus.Approved);
        Assert.Equal(PaymentStatus.Approved, sale.Outcome.Status);
        sale.AssertCleanFinish();
    }

    [Fact]
    public async Task A_future_dated_sale_cancelled_before_its_time_never_calls_SmartRetry()
    {
        var sale = new SaleWorkflowHarness();
        await sale.StartAsync(scheduledAt: new DateTimeOffset(Start.AddDays(2)));

        await sale.Host.AdvanceTimeAsync(TimeSpan.FromDays(1));
        await sale.Host.RaiseEventAsync(PaymentId, OrchestrationEventNames.CancelRequested, new CancelRequest("customer changed their mind", new DateTimeOffset(sale.Host.UtcNow)));

        Assert.Equal(PaymentStatus.Cancelled, sale.Outcome.Status);
        Assert.Contains("customer changed their mind", sale.Outcome.Note, StringComparison.Ordinal);
        Assert.Equal([PaymentStatus.Cancelled], sale.LedgerStatuses);
        Assert.Equal(0, sale.SubmitCalls);
        sale.Gateway.VerifyNoOtherCalls();
        sale.AssertCleanFinish();
    }

    [Fact]
    public async Task The_idempotency_key_is_the_same_for_every_retry_of_the_submit_activity()
    {
        var sale = new SaleWorkflowHarness();
        sale.Gateway.SetupSequence(g => g.SubmitSaleAsync(It.IsAny<SaleSubmission>(), It.IsAny<CardDetails>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new HttpRequestException("connection reset"))
            .ThrowsAsync(new SmartRetryRateLimitException("slow down"))
            .ReturnsAsync(new PaymentSubmissionResult(true, TransactionId, "OR7B9E1D", Replayed: true));
        sale.Gateway.Setup(g => g.GetTransactionAsync(TransactionId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new TransactionSnapshot(TransactionId, SmartRetryStatus.Approved, "AUTH.APPROVED", "AUTH", 1, null));
        await sale.StartAsync();

        await sale.Host.RunToCompletionAsync(PaymentId);

        string[] keys = [.. sale.Host.ActivityInputs<SaleSubmission>(nameof(SubmitSale)).Select(r => r!.IdempotencyKey)];
        Assert.Equal(3, keys.Length);
        Assert.Single(keys.Distinct());
        Assert.Matches(IdempotencyKeyFormat(), keys[0]);
        sale.Gateway.Verify(g => g.SubmitSaleAsync(It.Is<SaleSubmission>(s => s.IdempotencyKey == keys[0]), It.IsAny<CardDetails>(), It.IsAny<CancellationToken>()), Times.Exactly(3));
        Assert.Equal(PaymentStatus.Approved, sale.Outcome.Status);
        sale.AssertCleanFinish();
    }

    [Fact]
    public async Task An_out_of_order_retry_attempted_after_approved_does_not_change_the_outcome()
    {
        SaleWorkflowHarness sale = new SaleWorkflowHarness().SmartRetryAccepts();
        await sale.StartAsync();
        await sale.RaiseAsync("transaction.approved", SmartRetryStatus.Approved, attempt: 2);

        RaiseEventResult late = await sale.RaiseAsync("transaction.retry_attempted", SmartRetryStatus.Declined, attempt: 1);

        Assert.Equal(RaiseEventResult.InstanceFinished, late);
        Assert.Equal(PaymentStatus.Approved, sale.Outcome.Status);
        Assert.Equal(PaymentStatus.Approved, sale.Instance.ReadCustomStatus<SaleProgress>()!.Status);
        Assert.Equal([PaymentStatus.Processing, PaymentStatus.Approved], sale.LedgerStatuses);
        sale.AssertCleanFinish();
    }

    [Fact]
    public async Task A_duplicate_event_and_an_event_for_another_transaction_are_ignored()
    {
        SaleWorkflowHarness sale = new SaleWorkflowHarness().SmartRetryAccepts();
        await sale.StartAsync();
        var retry = new TransactionEvent("evt_dup", "transaction.retry_attempted", new DateTimeOffset(Start), TransactionId, null, null, 2);

        await sale.Host.RaiseEventAsync(PaymentId, OrchestrationEventNames.Transaction, retry);
        await sale.Host.RaiseEventAsync(PaymentId, OrchestrationEventNames.Transaction, retry);
        await sale.RaiseAsync("transaction.approved", SmartRetryStatus.Approved, transactionId: "TXOTHER1");

        Assert.False(sale.Instance.IsFinished);
        Assert.Equal(1, sale.Instance.ReadCustomStatus<SaleProgress>()!.RetriesAttempted);
    }

    [Fact]
    public async Task Webhooks_arriving_while_a_status_poll_is_in_flight_are_never_lost()
    {
        SaleWorkflowHarness sale = new SaleWorkflowHarness().SmartRetryAccepts().StatusReads((SmartRetryStatus.Processing, 1));
        sale.Host.HoldActivity(nameof(GetTransactionStatus));
        await sale.StartAsync();

        for (int attempt = 2; attempt <= 4; attempt++)
        {
            await sale.Host.AdvanceToNextTimerAsync();
            Assert.Equal(1, sale.Host.ActivitiesInFlight);
            await sale.RaiseAsync("transaction.retry_attempted", attempt: attempt);
            await sale.Host.ReleaseActivityAsync(nameof(GetTransactionStatus));
        }

        await sale.Host.AdvanceToNextTimerAsync();
        await sale.RaiseAsync("transaction.approved", SmartRetryStatus.Approved, attempt: 4);
        await sale.Host.ReleaseActivityAsync(nameof(GetTransactionStatus));

        Assert.Equal(new SaleOutcome(PaymentId, PaymentStatus.Approved, TransactionId, "AUTH.APPROVED", AttemptNumber: 4), sale.Outcome);
        Assert.Equal(3, sale.Instance.ReadCustomStatusHistory<SaleProgress>().Max(p => p!.RetriesAttempted));
        sale.AssertCleanFinish();
    }

    [Fact]
    public async Task An_outage_longer_than_the_retry_policy_ends_in_needs_attention_not_in_a_guess()
    {
        var sale = new SaleWorkflowHarness();
        sale.Gateway.Setup(g => g.SubmitSaleAsync(It.IsAny<SaleSubmission>(), It.IsAny<CardDetails>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new HttpRequestException("service unavailable"));
        await sale.StartAsync();

        await sale.Host.RunToCompletionAsync(PaymentId);

        Assert.Equal(PaymentStatus.NeedsAttention, sale.Outcome.Status);
        Assert.Equal(ActivityOptions.SmartRetryOutage.Retry!.Policy!.MaxNumberOfAttempts, sale.SubmitCalls);
        Assert.Equal([PaymentStatus.NeedsAttention], sale.LedgerStatuses);
        sale.AssertCleanFinish();
    }

    [Theory]
    [InlineData(400, "INVALID_AMOUNT", PaymentStatus.Error)]
    [InlineData(409, "IDEMPOTENCY_CONFLICT", PaymentStatus.NeedsAttention)]
    public async Task A_request_SmartRetry_refuses_is_not_retried_and_ends_with_its_reason(int httpStatus, string reasonCode, PaymentStatus expected)
    {
        var sale = new SaleWorkflowHarness();
        sale.Gateway.Setup(g => g.SubmitSaleAsync(It.IsAny<SaleSubmission>(), It.IsAny<CardDetails>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(PaymentSubmissionResult.Refused(new PaymentRejection(reasonCode, httpStatus)));

        await sale.StartAsync();

        Assert.Equal(expected, sale.Outcome.Status);
        Assert.Equal(reasonCode, sale.Outcome.ReasonCode);
        Assert.Equal(1, sale.SubmitCalls);
        sale.AssertCleanFinish();
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,255}$")]
    private static partial Regex IdempotencyKeyFormat();
}
