using Microsoft.DurableTask.Client;
using Moq;
using SmartRetry.Client.Errors;
using SmartRetry.Functions.Maintenance;
using SmartRetry.Functions.Shared.Cards;
using SmartRetry.Functions.Shared.Gateway;
using SmartRetry.Functions.Shared.Idempotency;
using SmartRetry.Functions.Shared.Ledger;
using SmartRetry.Testing.Storage;
using static SmartRetry.Functions.Tests.Maintenance.ReconcilerHarness;

namespace SmartRetry.Functions.Tests.Maintenance;

[Collection(AzuriteTests.Name)]
public sealed class PaymentReconcilerTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData(PaymentStatus.DeadlineReached, SmartRetryStatus.Approved, PaymentStatus.Approved)]
    [InlineData(PaymentStatus.NeedsAttention, SmartRetryStatus.Declined, PaymentStatus.Declined)]
    [InlineData(PaymentStatus.DeadlineReached, SmartRetryStatus.Error, PaymentStatus.Error)]
    [InlineData(PaymentStatus.NeedsAttention, SmartRetryStatus.Cancelled, PaymentStatus.Cancelled)]
    public async Task An_unresolved_sale_is_settled_from_SmartRetrys_status_and_leaves_no_card_and_no_watch(PaymentStatus left, SmartRetryStatus smartRetry, PaymentStatus settled)
    {
        var harness = new ReconcilerHarness(azurite);
        await harness.RecordSaleAsync(left);
        harness.InstanceIs(SaleId, OrchestrationRuntimeStatus.Completed);
        harness.SmartRetrySays(smartRetry, "AUTH.SOMETHING");

        ReconcilerCheck check = Assert.Single(await harness.RunWhenDueAsync());

        Assert.Equal(ReconcilerOutcome.Settled, check.Outcome);
        PaymentLedgerEntry entry = (await harness.EntryAsync())!;
        Assert.Equal((settled, "AUTH.SOMETHING", 2), (entry.Status, entry.ReasonCode, entry.AttemptNumber));
        Assert.StartsWith("Reconciler: settled from SmartRetry's status of transaction TX000042", entry.Note, StringComparison.Ordinal);
        Assert.Null(await harness.WatchedAsync());
        Assert.Equal(new SmartRetry.Functions.Shared.Cards.HeldCard<PaymentSubmissionResult>(null, null), await harness.Cards.OpenAsync<PaymentSubmissionResult>(SaleId, CancellationToken.None));
    }

    [Fact]
    public async Task A_transaction_SmartRetry_still_processes_is_asked_again_later_backing_off()
    {
        var harness = new ReconcilerHarness(azurite);
        await harness.RecordSaleAsync(PaymentStatus.DeadlineReached);
        harness.InstanceIs(SaleId, OrchestrationRuntimeStatus.Completed);
        harness.SmartRetrySays(SmartRetryStatus.Processing);

        ReconcilerCheck first = Assert.Single(await harness.RunWhenDueAsync());
        ReconcilerCheck second = Assert.Single(await harness.RunWhenDueAsync());

        Assert.Equal((ReconcilerOutcome.StillProcessing, 1), (first.Outcome, first.Attempts));
        Assert.Equal(harness.Options.DelayBefore(2), first.NextCheckAt - (Start + harness.Options.FirstRetryDelay));
        Assert.Equal((ReconcilerOutcome.StillProcessing, 2), (second.Outcome, second.Attempts));
        Assert.Equal(harness.Options.DelayBefore(3), second.NextCheckAt - first.NextCheckAt);
        UnresolvedPayment watched = (await harness.WatchedAsync())!;
        Assert.Equal(2, watched.Attempts);
        Assert.Contains("still processing", watched.LastOutcome, StringComparison.Ordinal);
        Assert.Equal(PaymentStatus.DeadlineReached, (await harness.EntryAsync())!.Status);
    }

    [Fact]
    public async Task A_payment_whose_workflow_still_runs_is_left_to_it_without_counting_an_attempt()
    {
        var harness = new ReconcilerHarness(azurite);
        await harness.RecordSaleAsync(PaymentStatus.Processing);
        harness.InstanceIs(SaleId, OrchestrationRuntimeStatus.Running);

        ReconcilerCheck check = Assert.Single(await harness.RunWhenDueAsync());

        Assert.Equal((ReconcilerOutcome.StillRunning, 0), (check.Outcome, check.Attempts));
        Assert.Equal(harness.Time.GetUtcNow() + harness.Options.RunningRecheck, check.NextCheckAt);
        Assert.Equal(Start + harness.Options.FirstCheckAfter, harness.Time.GetUtcNow());
        Assert.Equal(0, (await harness.WatchedAsync())!.Attempts);
        harness.Gateway.VerifyNoOtherCalls();
    }

    /// <summary>The orchestration was terminated (or failed) while SmartRetry processed the sale: SmartRetry's status settles it.</summary>
    [Fact]
    public async Task A_sale_whose_workflow_was_terminated_while_processing_is_settled_from_SmartRetrys_status()
    {
        var harness = new ReconcilerHarness(azurite);
        await harness.RecordSaleAsync(PaymentStatus.Processing);
        harness.InstanceIs(SaleId, OrchestrationRuntimeStatus.Terminated);
        harness.SmartRetrySays(SmartRetryStatus.Approved, "AUTH.APPROVED");

        await harness.RunWhenDueAsync();

        Assert.Equal(PaymentStatus.Approved, (await harness.EntryAsync())!.Status);
    }

    /// <summary>A host killed between SmartRetry's answer and the ledger write: the answer in the vault has the transaction.</summary>
    [Fact]
    public async Task The_transaction_is_taken_from_the_answer_the_vault_recorded_when_the_ledger_never_got_it()
    {
        var harness = new ReconcilerHarness(azurite);
        await harness.RecordSaleAsync(PaymentStatus.Scheduled);
        await harness.Cards.RecordAnswerAsync(SaleId, new PaymentSubmissionResult(true, TransactionId, "OR1"), CancellationToken.None);
        harness.InstanceIs(SaleId, OrchestrationRuntimeStatus.Failed);
        harness.SmartRetrySays(SmartRetryStatus.Approved);

        await harness.RunWhenDueAsync();

        PaymentLedgerEntry entry = (await harness.EntryAsync())!;
        Assert.Equal((PaymentStatus.Approved, TransactionId), (entry.Status, entry.TransactionId));
    }

    [Fact]
    public async Task A_sale_whose_request_failed_before_its_workflow_started_ends_in_error_and_its_repeat_answers_with_it()
    {
        var harness = new ReconcilerHarness(azurite);
        await harness.RecordSaleAsync(PaymentStatus.Scheduled);
        IdempotencyRecord claim = (await harness.Idempotency.ClaimAsync(
            new IdempotencyRecord(SaleId, "hash", "k1", SaleId, IdempotencyState.Claimed, Start), CancellationToken.None)).Record;
        await harness.Idempotency.ReleaseAsync(claim, CancellationToken.None);

        ReconcilerCheck check = Assert.Single(await harness.RunWhenDueAsync());

        Assert.Equal(ReconcilerOutcome.Settled, check.Outcome);
        PaymentLedgerEntry entry = (await harness.EntryAsync())!;
        Assert.Equal(PaymentStatus.Error, entry.Status);
        Assert.Contains("nothing was sent to SmartRetry", entry.Note, StringComparison.Ordinal);
        Assert.Equal(IdempotencyState.Completed, (await harness.Idempotency.GetAsync(SaleId, CancellationToken.None))!.State);
        Assert.Null((await harness.Cards.OpenAsync<PaymentSubmissionResult>(SaleId, CancellationToken.None)).Card);
        harness.Gateway.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_sale_whose_request_is_being_carried_out_right_now_is_left_alone()
    {
        var harness = new ReconcilerHarness(azurite);
        await harness.RecordSaleAsync(PaymentStatus.Scheduled);
        harness.Time.SetUtcNow(Start + harness.Options.FirstCheckAfter);
        await harness.Idempotency.ClaimAsync(new IdempotencyRecord(SaleId, "hash", "k1", SaleId, IdempotencyState.Claimed, harness.Time.GetUtcNow()), CancellationToken.None);

        ReconcilerCheck check = Assert.Single(await harness.RunWhenDueAsync());

        Assert.Equal(ReconcilerOutcome.StillRunning, check.Outcome);
        Assert.Equal(PaymentStatus.Scheduled, (await harness.EntryAsync())!.Status);
    }

    [Theory]
    [InlineData(OrchestrationRuntimeStatus.Terminated, PaymentStatus.Cancelled)]
    [InlineData(OrchestrationRuntimeStatus.Failed, PaymentStatus.Error)]
    public async Task A_sale_whose_workflow_ended_before_submitting_ends_without_a_call(OrchestrationRuntimeStatus ended, PaymentStatus settled)
    {
        var harness = new ReconcilerHarness(azurite);
        await harness.RecordSaleAsync(PaymentStatus.Scheduled);
        harness.InstanceIs(SaleId, ended, customStatus: """{"status":"scheduled","scheduled_at":"2026-12-10T09:00:00Z"}""");

        await harness.RunWhenDueAsync();

        PaymentLedgerEntry entry = (await harness.EntryAsync())!;
        Assert.Equal(settled, entry.Status);
        Assert.Contains("before it was submitted to SmartRetry; nothing was charged", entry.Note, StringComparison.Ordinal);
        Assert.Empty(harness.Restarted);
        Assert.Null((await harness.Cards.OpenAsync<PaymentSubmissionResult>(SaleId, CancellationToken.None)).Card);
    }

    /// <summary>SmartRetry's answer to the submission was never learnt: the orchestration is started again, repeating its key, while SmartRetry still holds the answer.</summary>
    [Fact]
    public async Task A_sale_submitted_with_its_answer_unknown_is_resubmitted_under_the_same_key_within_SmartRetrys_window()
    {
        var harness = new ReconcilerHarness(azurite);
        await harness.RecordSaleAsync(PaymentStatus.NeedsAttention, transactionId: null);
        harness.InstanceIs(SaleId, OrchestrationRuntimeStatus.Completed, customStatus: """{"status":"needs_attention"}""");

        ReconcilerCheck check = Assert.Single(await harness.RunWhenDueAsync());

        Assert.Equal(ReconcilerOutcome.Resubmitted, check.Outcome);
        Assert.Equal([SaleId], harness.Restarted);
        Assert.Equal(PaymentStatus.NeedsAttention, (await harness.EntryAsync())!.Status);
        Assert.Equal(harness.Time.GetUtcNow() + harness.Options.RunningRecheck, check.NextCheckAt);
    }

    [Fact]
    public async Task Past_SmartRetrys_window_an_unknown_answer_ends_in_error_saying_what_is_known()
    {
        var harness = new ReconcilerHarness(azurite);
        await harness.RecordSaleAsync(PaymentStatus.NeedsAttention, transactionId: null);
        harness.InstanceIs(SaleId, OrchestrationRuntimeStatus.Completed, customStatus: """{"status":"needs_attention"}""");
        harness.Time.SetUtcNow(Start + SmartRetryIdempotency.KeyLifetime);

        await harness.RunWhenDueAsync();

        PaymentLedgerEntry entry = (await harness.EntryAsync())!;
        Assert.Equal(PaymentStatus.Error, entry.Status);
        Assert.Contains("Look it up with SmartRetry by merchant_transaction_id order-42", entry.Note, StringComparison.Ordinal);
        Assert.Empty(harness.Restarted);
    }

    [Fact]
    public async Task Without_its_card_an_unknown_answer_cannot_be_asked_again_and_ends_in_error()
    {
        var harness = new ReconcilerHarness(azurite);
        await harness.RecordSaleAsync(PaymentStatus.NeedsAttention, transactionId: null, holdCard: false);
        harness.InstanceIs(SaleId, OrchestrationRuntimeStatus.Completed, customStatus: """{"status":"needs_attention"}""");

        await harness.RunWhenDueAsync();

        Assert.Equal(PaymentStatus.Error, (await harness.EntryAsync())!.Status);
        Assert.Empty(harness.Restarted);
    }

    [Theory]
    [InlineData(SmartRetryStatus.Declined, 0)]
    [InlineData(SmartRetryStatus.Approved, 20)]
    public async Task A_refund_settled_without_money_moving_gives_its_reservation_back_and_an_approved_one_keeps_it(SmartRetryStatus smartRetry, int reservedAfter)
    {
        var harness = new ReconcilerHarness(azurite);
        await harness.Refunds.ReserveAsync(OriginalId, 49.99m, RefundId, 20m, CancellationToken.None);
        await harness.Ledger.RecordAsync(new PaymentLedgerEntry(RefundId, "rf-1", PaymentKind.Refund, 20m, "USD", PaymentStatus.Scheduled, Start, OriginalPaymentId: OriginalId), CancellationToken.None);
        await harness.Ledger.RecordAsync(new PaymentLedgerEntry(RefundId, "rf-1", PaymentKind.Refund, 20m, "USD", PaymentStatus.DeadlineReached, Start, TransactionId), CancellationToken.None);
        harness.InstanceIs(RefundId, OrchestrationRuntimeStatus.Completed);
        harness.SmartRetrySays(smartRetry);

        await harness.RunWhenDueAsync(RefundId);

        Assert.Equal(reservedAfter, await harness.Refunds.GetReservedAsync(OriginalId, CancellationToken.None));
        Assert.True((await harness.EntryAsync(RefundId))!.Status.IsFinal());
    }

    [Fact]
    public async Task After_its_last_attempt_a_payment_is_left_to_a_person_until_news_about_it_arrives()
    {
        var harness = new ReconcilerHarness(azurite);
        harness.Options.MaxAttempts = 3;
        await harness.RecordSaleAsync(PaymentStatus.NeedsAttention);
        harness.InstanceIs(SaleId, OrchestrationRuntimeStatus.Completed);
        harness.SmartRetrySays(SmartRetryStatus.Unknown);

        IReadOnlyList<ReconcilerCheck>[] runs = [await harness.RunWhenDueAsync(), await harness.RunWhenDueAsync(), await harness.RunWhenDueAsync()];

        Assert.Equal([ReconcilerOutcome.NeedsAttention, ReconcilerOutcome.NeedsAttention, ReconcilerOutcome.Exhausted], runs.Select(r => Assert.Single(r).Outcome));
        UnresolvedPayment watched = (await harness.WatchedAsync())!;
        Assert.True(watched.Exhausted);
        Assert.StartsWith("Left to a person after 3 attempts.", watched.LastOutcome, StringComparison.Ordinal);
        harness.Time.Advance(TimeSpan.FromDays(30));
        Assert.Empty(await harness.Reconciler.ReconcileDueAsync(harness.Durable, CancellationToken.None));

        Assert.True(await harness.Unresolved.CheckSoonAsync(SaleId, CancellationToken.None));
        harness.SmartRetrySays(SmartRetryStatus.Approved);
        Assert.Equal(ReconcilerOutcome.Settled, Assert.Single(await harness.Reconciler.ReconcileDueAsync(harness.Durable, CancellationToken.None)).Outcome);
    }

    /// <summary>A series' charge with no transaction (a future transaction SmartRetry missed) is its series' to decide: never ended here, only left to a person.</summary>
    [Fact]
    public async Task A_series_charge_without_a_transaction_is_never_settled_here_only_backed_off_and_left_to_a_person()
    {
        var harness = new ReconcilerHarness(azurite);
        harness.Options.MaxAttempts = 2;
        await harness.Ledger.RecordAsync(new PaymentLedgerEntry("rs-1-f8", "rs-1", PaymentKind.RecurringCharge, 5m, "USD", PaymentStatus.NeedsAttention, Start), CancellationToken.None);

        ReconcilerCheck first = Assert.Single(await harness.RunWhenDueAsync("rs-1-f8"));
        ReconcilerCheck second = Assert.Single(await harness.RunWhenDueAsync("rs-1-f8"));

        Assert.Equal((ReconcilerOutcome.NeedsAttention, ReconcilerOutcome.Exhausted), (first.Outcome, second.Outcome));
        Assert.Equal(PaymentStatus.NeedsAttention, (await harness.EntryAsync("rs-1-f8"))!.Status);
        Assert.Empty(harness.Restarted);
    }

    [Fact]
    public async Task SmartRetry_unreachable_is_an_attempt_that_backs_off()
    {
        var harness = new ReconcilerHarness(azurite);
        await harness.RecordSaleAsync(PaymentStatus.DeadlineReached);
        harness.InstanceIs(SaleId, OrchestrationRuntimeStatus.Completed);
        harness.Gateway.Setup(g => g.GetTransactionAsync(TransactionId, It.IsAny<CancellationToken>())).ThrowsAsync(new SmartRetryTransportException("connection refused"));

        ReconcilerCheck check = Assert.Single(await harness.RunWhenDueAsync());

        Assert.Equal((ReconcilerOutcome.Unreachable, 1), (check.Outcome, check.Attempts));
        Assert.Equal(PaymentStatus.DeadlineReached, (await harness.EntryAsync())!.Status);
    }

    [Fact]
    public async Task A_payment_found_final_is_no_longer_watched()
    {
        var harness = new ReconcilerHarness(azurite);
        await harness.RecordSaleAsync(PaymentStatus.Processing);
        UnresolvedPayment watched = (await harness.WatchedAsync())!;

        // Written final behind the index's back (as a crash between the two writes would leave it).
        await new TablePaymentLedger(harness.Tables).RecordAsync(Sale(PaymentStatus.Approved), CancellationToken.None);
        Assert.NotNull(await harness.WatchedAsync());

        ReconcilerCheck check = Assert.Single(await harness.RunWhenDueAsync());

        Assert.Equal(ReconcilerOutcome.Removed, check.Outcome);
        Assert.Null(await harness.WatchedAsync());
        Assert.Equal(Start + harness.Options.FirstCheckAfter, watched.NextCheckAt);
    }

    /// <summary>Two hosts run the reconciler at the same moment: each payment is taken on by one of them.</summary>
    [Fact]
    public async Task Concurrent_reconcilers_take_each_payment_on_once()
    {
        var harness = new ReconcilerHarness(azurite);
        await harness.RecordSaleAsync(PaymentStatus.DeadlineReached);
        harness.InstanceIs(SaleId, OrchestrationRuntimeStatus.Completed);
        harness.SmartRetrySays(SmartRetryStatus.Processing);
        harness.Time.SetUtcNow((await harness.WatchedAsync())!.NextCheckAt);

        IReadOnlyList<ReconcilerCheck>[] runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => harness.Reconciler.ReconcileDueAsync(harness.Durable, CancellationToken.None)));

        Assert.Single(runs.SelectMany(r => r));
        harness.Gateway.Verify(g => g.GetTransactionAsync(TransactionId, It.IsAny<CancellationToken>()), Times.Once);
    }
}
