using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using SmartRetry.Functions.Refunds;
using SmartRetry.Functions.Shared.Correlation;
using SmartRetry.Functions.Shared.Durable;
using SmartRetry.Functions.Shared.Events;
using SmartRetry.Functions.Shared.Gateway;
using SmartRetry.Functions.Shared.Ledger;
using SmartRetry.Functions.Shared.Problems;
using SmartRetry.Functions.Tests.Shared.Storage;
using SmartRetry.Functions.Webhooks;
using SmartRetry.Testing.Storage;

namespace SmartRetry.Functions.Tests.Webhooks;

[Collection(AzuriteTests.Name)]
public sealed class WebhookIntakeTests(AzuriteFixture azurite)
{
    private const string ApprovedData = """{"transaction_id":"TX8A3F2C","order_id":"OR7B9E1D","amount":49.99,"currency":"USD","status":{"status":"APPROVED","reasonCode":"AUTH.APPROVED","domain":"AUTH"}}""";

    [Fact]
    public async Task A_signed_transaction_event_is_stored_and_raised_into_its_instance()
    {
        var harness = new WebhookHarness(azurite);
        await harness.CorrelateAsync(CorrelationKind.Transaction, "TX8A3F2C", "sale-1");
        byte[] body = WebhookHarness.Body("evt_1", "transaction.approved", ApprovedData);

        HandlerResult<WebhookReceipt> result = await harness.Intake.HandleAsync(harness.Durable, body, harness.Sign(body), CancellationToken.None);

        Assert.Equal((HttpStatusCode.OK, WebhookOutcome.Raised), (result.StatusCode, result.Body!.Outcome));
        (string instanceId, string eventName, object? payload) = Assert.Single(harness.Raised);
        Assert.Equal(("sale-1", OrchestrationEventNames.Transaction), (instanceId, eventName));
        var transaction = Assert.IsType<TransactionEvent>(payload);
        Assert.Equal(
            new TransactionEvent("evt_1", "transaction.approved", new DateTimeOffset(2026, 11, 23, 21, 59, 30, TimeSpan.Zero), "TX8A3F2C", SmartRetryStatus.Approved, "AUTH.APPROVED", null),
            transaction);
        StoredWebhookEvent stored = (await harness.Events.GetAsync("evt_1", CancellationToken.None))!;
        Assert.Equal((WebhookEventState.Raised, "sale-1"), (stored.State, stored.InstanceId));
        Assert.Equal(System.Text.Encoding.UTF8.GetString(body), stored.RawBody);
    }

    [Fact]
    public async Task A_redelivery_is_acknowledged_and_raises_nothing_again()
    {
        var harness = new WebhookHarness(azurite);
        await harness.CorrelateAsync(CorrelationKind.Transaction, "TX8A3F2C", "sale-1");
        byte[] body = WebhookHarness.Body("evt_1", "transaction.approved", ApprovedData);
        await harness.Intake.HandleAsync(harness.Durable, body, harness.Sign(body), CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromMinutes(1));

        HandlerResult<WebhookReceipt> again = await harness.Intake.HandleAsync(harness.Durable, body, harness.Sign(body), CancellationToken.None);

        Assert.Equal((HttpStatusCode.OK, WebhookOutcome.Duplicate), (again.StatusCode, again.Body!.Outcome));
        Assert.Single(harness.Raised);
    }

    [Fact]
    public async Task Fifty_concurrent_deliveries_of_one_event_raise_it_exactly_once()
    {
        var harness = new WebhookHarness(azurite);
        await harness.CorrelateAsync(CorrelationKind.Transaction, "TX8A3F2C", "sale-1");
        byte[] body = WebhookHarness.Body("evt_1", "transaction.approved", ApprovedData);
        string signature = harness.Sign(body);

        HandlerResult<WebhookReceipt>[] results = await Task.WhenAll(Enumerable.Range(0, 50)
            .Select(_ => Task.Run(() => harness.Intake.HandleAsync(harness.Durable, body, signature, CancellationToken.None))));

        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(49, results.Count(r => r.Body!.Outcome == WebhookOutcome.Duplicate));
        Assert.Single(harness.Raised, r => r.InstanceId == "sale-1" && r.Name == OrchestrationEventNames.Transaction);
    }

    [Theory]
    [InlineData("wrong-secret", 0, false)]
    [InlineData(WebhookHarness.Secret, 301, false)]
    [InlineData(WebhookHarness.Secret, 0, true)]
    public async Task A_forged_stale_or_tampered_delivery_is_a_400_that_stores_and_raises_nothing(string secret, int ageSeconds, bool tamper)
    {
        var harness = new WebhookHarness(azurite);
        await harness.CorrelateAsync(CorrelationKind.Transaction, "TX8A3F2C", "sale-1");
        byte[] body = WebhookHarness.Body("evt_1", "transaction.approved", ApprovedData);
        string signature = harness.Sign(body, secret, TimeSpan.FromSeconds(ageSeconds));
        if (tamper)
        {
            body = WebhookHarness.Body("evt_1", "transaction.declined", ApprovedData);
        }

        HandlerResult<WebhookReceipt> result = await harness.Intake.HandleAsync(harness.Durable, body, signature, CancellationToken.None);

        Assert.Equal((HttpStatusCode.BadRequest, ProblemTypes.InvalidSignature), (result.StatusCode, result.Problem!.Type));
        Assert.Empty(harness.Raised);
        Assert.Null(await harness.Events.GetAsync("evt_1", CancellationToken.None));
        Assert.Empty(await harness.Pending.GetAsync(CorrelationKind.Transaction, "TX8A3F2C", CancellationToken.None));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("v1=abc")]
    [InlineData("t=notanumber,v1=00")]
    public async Task A_missing_or_malformed_signature_header_is_a_400(string? header)
    {
        var harness = new WebhookHarness(azurite);
        byte[] body = WebhookHarness.Body("evt_1", "transaction.approved", ApprovedData);

        HandlerResult<WebhookReceipt> result = await harness.Intake.HandleAsync(harness.Durable, body, header, CancellationToken.None);

        Assert.Equal(HttpStatusCode.BadRequest, result.StatusCode);
        Assert.Empty(await TestTables.AllValuesAsync(harness.Tables));
    }

    [Fact]
    public async Task A_signed_body_that_is_not_an_event_is_a_400()
    {
        var harness = new WebhookHarness(azurite);
        byte[] body = "{\"type\":\"transaction.approved\"}"u8.ToArray();

        HandlerResult<WebhookReceipt> result = await harness.Intake.HandleAsync(harness.Durable, body, harness.Sign(body), CancellationToken.None);

        Assert.Equal(HttpStatusCode.BadRequest, result.StatusCode);
        Assert.Empty(harness.Raised);
    }

    [Fact]
    public async Task An_unknown_event_type_is_stored_and_acknowledged()
    {
        var harness = new WebhookHarness(azurite);
        byte[] body = WebhookHarness.Body("evt_9", "payout.settled", """{"payout_id":"PO1"}""");

        HandlerResult<WebhookReceipt> result = await harness.Intake.HandleAsync(harness.Durable, body, harness.Sign(body), CancellationToken.None);

        Assert.Equal((HttpStatusCode.OK, WebhookOutcome.Ignored), (result.StatusCode, result.Body!.Outcome));
        Assert.Equal(WebhookEventState.Ignored, (await harness.Events.GetAsync("evt_9", CancellationToken.None))!.State);
        Assert.Empty(harness.Raised);
    }

    [Fact]
    public async Task A_pending_transaction_event_is_stored_and_acknowledged_but_wakes_no_workflow()
    {
        var harness = new WebhookHarness(azurite);
        await harness.CorrelateAsync(CorrelationKind.Transaction, "TX8A3F2C", "sale-1");
        byte[] body = WebhookHarness.Body("evt_10", "transaction.pending", """{"transaction_id":"TX8A3F2C","status":{"status":"PROCESSING"}}""");

        HandlerResult<WebhookReceipt> result = await harness.Intake.HandleAsync(harness.Durable, body, harness.Sign(body), CancellationToken.None);

        Assert.Equal((HttpStatusCode.OK, WebhookOutcome.Ignored), (result.StatusCode, result.Body!.Outcome));
        Assert.Equal(WebhookEventState.Ignored, (await harness.Events.GetAsync("evt_10", CancellationToken.None))!.State);
        Assert.Empty(harness.Raised);
        Assert.Empty(await harness.Pending.GetAsync(CorrelationKind.Transaction, "TX8A3F2C", CancellationToken.None));
    }

    [Fact]
    public async Task A_known_type_without_ids_is_stored_as_unroutable()
    {
        var harness = new WebhookHarness(azurite);
        byte[] body = WebhookHarness.Body("evt_8", "transaction.declined", "{}");

        HandlerResult<WebhookReceipt> result = await harness.Intake.HandleAsync(harness.Durable, body, harness.Sign(body), CancellationToken.None);

        Assert.Equal(WebhookOutcome.Unroutable, result.Body!.Outcome);
        Assert.Equal(WebhookEventState.Unroutable, (await harness.Events.GetAsync("evt_8", CancellationToken.None))!.State);
    }

    [Fact]
    public async Task An_event_for_a_transaction_not_yet_correlated_is_kept_pending_for_its_instance()
    {
        var harness = new WebhookHarness(azurite);
        byte[] body = WebhookHarness.Body("evt_1", "transaction.approved", ApprovedData);

        HandlerResult<WebhookReceipt> result = await harness.Intake.HandleAsync(harness.Durable, body, harness.Sign(body), CancellationToken.None);

        Assert.Equal(WebhookOutcome.Pending, result.Body!.Outcome);
        Assert.Empty(harness.Raised);
        PendingEvent pending = Assert.Single(await harness.Pending.GetAsync(CorrelationKind.Transaction, "TX8A3F2C", CancellationToken.None));
        Assert.Equal(OrchestrationEventNames.Transaction, pending.EventName);
        TransactionEvent payload = pending.ReadPayloadAs<TransactionEvent>();
        Assert.Equal(("evt_1", SmartRetryStatus.Approved), (payload.EventId, payload.Status));
    }

    [Fact]
    public async Task A_webhook_that_beats_the_correlation_reaches_the_workflow_through_the_submit_activity()
    {
        var harness = new WebhookHarness(azurite);
        byte[] body = WebhookHarness.Body("evt_1", "transaction.approved", ApprovedData);
        await harness.Intake.HandleAsync(harness.Durable, body, harness.Sign(body), CancellationToken.None);
        var gateway = new Mock<ISmartRetryGateway>();
        gateway.Setup(g => g.RefundAsync(It.IsAny<RefundSubmission>(), It.IsAny<CancellationToken>())).ReturnsAsync(new PaymentSubmissionResult(true, "TX8A3F2C", "OR1"));
        var submit = new SubmitRefund(
            gateway.Object, harness.Correlations, new EarlyTransactionEvents(harness.Pending), NullLogger<SubmitRefund>.Instance);

        PaymentSubmissionResult submitted = await submit.RunAsync(
            new RefundSubmission("refund-1", "refund-key-1", "TXORIG01", "OR1", "rf-1", 5m, "EUR"), CancellationToken.None);

        TransactionEvent early = Assert.Single(submitted.EarlyEvents!);
        Assert.Equal(("evt_1", SmartRetryStatus.Approved, "TX8A3F2C"), (early.EventId, early.Status, early.TransactionId));
        Assert.Equal("refund-1", (await harness.Correlations.FindAsync(CorrelationKind.Transaction, "TX8A3F2C", CancellationToken.None))?.InstanceId);
    }

    [Fact]
    public async Task An_instance_that_has_not_started_is_retried_on_a_doubling_delay_then_the_event_is_kept_pending()
    {
        var harness = new WebhookHarness(azurite);
        await harness.CorrelateAsync(CorrelationKind.Transaction, "TX8A3F2C", "sale-1");
        harness.Durable.RaiseResult = (id, _) => id == "sale-1" ? RaiseEventResult.InstanceNotFound : RaiseEventResult.Raised;
        byte[] body = WebhookHarness.Body("evt_1", "transaction.approved", ApprovedData);

        Task<HandlerResult<WebhookReceipt>> handling = harness.Intake.HandleAsync(harness.Durable, body, harness.Sign(body), CancellationToken.None);
        List<TimeSpan> delays = [];
        for (int retry = 1; retry < harness.Settings.RaiseAttempts; retry++)
        {
            TimeSpan due = await harness.Time.NextTimerAsync();
            delays.Add(due);
            harness.Time.Advance(due);
        }

        HandlerResult<WebhookReceipt> result = await handling;

        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], delays);
        Assert.Equal(harness.Settings.RaiseAttempts, harness.Raised.Count(r => r.InstanceId == "sale-1"));
        Assert.Equal(WebhookOutcome.Pending, result.Body!.Outcome);
        Assert.Single(await harness.Pending.GetAsync(CorrelationKind.Transaction, "TX8A3F2C", CancellationToken.None));
    }

    [Fact]
    public async Task An_instance_that_starts_during_the_retries_receives_the_event()
    {
        var harness = new WebhookHarness(azurite);
        await harness.CorrelateAsync(CorrelationKind.Transaction, "TX8A3F2C", "sale-1");
        harness.Durable.NextRaises.Enqueue(RaiseEventResult.InstanceNotFound);
        byte[] body = WebhookHarness.Body("evt_1", "transaction.approved", ApprovedData);

        Task<HandlerResult<WebhookReceipt>> handling = harness.Intake.HandleAsync(harness.Durable, body, harness.Sign(body), CancellationToken.None);
        harness.Time.Advance(await harness.Time.NextTimerAsync());
        HandlerResult<WebhookReceipt> result = await handling;

        Assert.Equal(WebhookOutcome.Raised, result.Body!.Outcome);
        Assert.Empty(await harness.Pending.GetAsync(CorrelationKind.Transaction, "TX8A3F2C", CancellationToken.None));
    }

    [Fact]
    public async Task An_event_for_a_finished_instance_is_stored_and_acknowledged()
    {
        var harness = new WebhookHarness(azurite);
        await harness.CorrelateAsync(CorrelationKind.Transaction, "TX8A3F2C", "sale-1");
        harness.Durable.RaiseResult = (id, _) => id == "sale-1" ? RaiseEventResult.InstanceFinished : RaiseEventResult.Raised;
        byte[] body = WebhookHarness.Body("evt_1", "transaction.retry_attempted", """{"transaction_id":"TX8A3F2C","attempt_number":2}""");

        HandlerResult<WebhookReceipt> result = await harness.Intake.HandleAsync(harness.Durable, body, harness.Sign(body), CancellationToken.None);

        Assert.Equal((HttpStatusCode.OK, WebhookOutcome.InstanceFinished), (result.StatusCode, result.Body!.Outcome));
        Assert.Equal(WebhookEventState.InstanceFinished, (await harness.Events.GetAsync("evt_1", CancellationToken.None))!.State);
    }

    [Fact]
    public async Task Once_the_host_reports_a_transactions_workflow_finished_its_later_events_are_stored_without_asking_again()
    {
        var harness = new WebhookHarness(azurite);
        await harness.CorrelateAsync(CorrelationKind.Transaction, "TX8A3F2C", "sale-1");
        harness.Durable.RaiseResult = (id, _) => id == "sale-1" ? RaiseEventResult.InstanceFinished : RaiseEventResult.Raised;

        foreach (string eventId in new[] { "evt_1", "evt_2", "evt_3" })
        {
            byte[] body = WebhookHarness.Body(eventId, "transaction.retry_attempted", """{"transaction_id":"TX8A3F2C","attempt_number":2}""");
            HandlerResult<WebhookReceipt> result = await harness.Intake.HandleAsync(harness.Durable, body, harness.Sign(body), CancellationToken.None);

            Assert.Equal(WebhookOutcome.InstanceFinished, result.Body!.Outcome);
            Assert.Equal(WebhookEventState.InstanceFinished, (await harness.Events.GetAsync(eventId, CancellationToken.None))!.State);
        }

        Assert.Single(harness.Raised, r => r.InstanceId == "sale-1");
    }

    /// <summary>
    /// SmartRetry approves a sale after its orchestration ended it deadline-reached: the event is the news that settles it,
    /// so the reconciler is asked to look now, and the transaction is not remembered as finished until it is final.
    /// </summary>
    [Fact]
    public async Task An_event_for_a_payment_its_workflow_left_unresolved_asks_the_reconciler_to_look_now()
    {
        var harness = new WebhookHarness(azurite);
        await harness.CorrelateAsync(CorrelationKind.Transaction, "TX8A3F2C", "sale-1");
        var ledger = new SmartRetry.Functions.Shared.Ledger.TablePaymentLedger(harness.Tables, unresolved: harness.Unresolved);
        await ledger.RecordAsync(new SmartRetry.Functions.Shared.Ledger.PaymentLedgerEntry("sale-1", "order-1", SmartRetry.Functions.Shared.Ledger.PaymentKind.Sale, 10m, "EUR", SmartRetry.Functions.Shared.Ledger.PaymentStatus.Scheduled, harness.Time.GetUtcNow()), CancellationToken.None);
        await ledger.RecordAsync(new SmartRetry.Functions.Shared.Ledger.PaymentLedgerEntry("sale-1", "order-1", SmartRetry.Functions.Shared.Ledger.PaymentKind.Sale, 10m, "EUR", SmartRetry.Functions.Shared.Ledger.PaymentStatus.DeadlineReached, harness.Time.GetUtcNow(), "TX8A3F2C"), CancellationToken.None);
        harness.Durable.RaiseResult = (id, _) => id == "sale-1" ? RaiseEventResult.InstanceFinished : RaiseEventResult.Raised;
        harness.Time.Advance(TimeSpan.FromSeconds(10));

        foreach (string eventId in new[] { "evt_1", "evt_2" })
        {
            byte[] body = WebhookHarness.Body(eventId, "transaction.approved", """{"transaction_id":"TX8A3F2C","status":{"status":"APPROVED"}}""");
            HandlerResult<WebhookReceipt> result = await harness.Intake.HandleAsync(harness.Durable, body, harness.Sign(body), CancellationToken.None);

            Assert.Equal(WebhookOutcome.Reconciling, result.Body!.Outcome);
            Assert.Equal(WebhookEventState.Reconciling, (await harness.Events.GetAsync(eventId, CancellationToken.None))!.State);
        }

        Assert.Equal(harness.Time.GetUtcNow(), (await harness.Unresolved.GetAsync("sale-1", CancellationToken.None))!.NextCheckAt);
        Assert.Equal(2, harness.Raised.Count(r => r.InstanceId == "sale-1"));
    }

    /// <summary>A payment left unresolved before the index of unresolved payments existed has no entry in it: its ledger row says it is not final.</summary>
    [Fact]
    public async Task An_event_for_an_unresolved_payment_recorded_before_the_index_existed_still_reaches_the_reconciler()
    {
        var harness = new WebhookHarness(azurite);
        await harness.CorrelateAsync(CorrelationKind.Transaction, "TX8A3F2C", "sale-1");
        await new SmartRetry.Functions.Shared.Ledger.TablePaymentLedger(harness.Tables).RecordAsync(
            new SmartRetry.Functions.Shared.Ledger.PaymentLedgerEntry("sale-1", "order-1", SmartRetry.Functions.Shared.Ledger.PaymentKind.Sale, 10m, "EUR", SmartRetry.Functions.Shared.Ledger.PaymentStatus.DeadlineReached, harness.Time.GetUtcNow(), "TX8A3F2C"),
            CancellationToken.None);
        harness.Durable.RaiseResult = (id, _) => id == "sale-1" ? RaiseEventResult.InstanceFinished : RaiseEventResult.Raised;
        byte[] body = WebhookHarness.Body("evt_1", "transaction.approved", """{"transaction_id":"TX8A3F2C"}""");

        HandlerResult<WebhookReceipt> result = await harness.Intake.HandleAsync(harness.Durable, body, harness.Sign(body), CancellationToken.None);

        Assert.Equal(WebhookOutcome.Reconciling, result.Body!.Outcome);
        Assert.Equal(harness.Time.GetUtcNow(), (await harness.Unresolved.GetAsync("sale-1", CancellationToken.None))!.NextCheckAt);
    }

    [Fact]
    public async Task A_series_reported_finished_is_still_asked_for_its_later_events()
    {
        var harness = new WebhookHarness(azurite);
        await harness.CorrelateAsync(CorrelationKind.Recurring, "RC9F4A2B", "series-1");
        harness.Durable.RaiseResult = (id, _) => id == "series-1" ? RaiseEventResult.InstanceFinished : RaiseEventResult.Raised;

        foreach (string eventId in new[] { "evt_1", "evt_2" })
        {
            byte[] body = WebhookHarness.Body(eventId, "recurring.cancelled", """{"recurring_id":"RC9F4A2B"}""");
            await harness.Intake.HandleAsync(harness.Durable, body, harness.Sign(body), CancellationToken.None);
        }

        Assert.Equal(2, harness.Raised.Count(r => r.InstanceId == "series-1"));
    }

    [Fact]
    public async Task A_failure_answers_503_and_the_redelivery_processes_the_event()
    {
        var harness = new WebhookHarness(azurite);
        await harness.CorrelateAsync(CorrelationKind.Transaction, "TX8A3F2C", "sale-1");
        harness.Durable.NextRaises.Enqueue(new InvalidOperationException("task hub unavailable"));
        byte[] body = WebhookHarness.Body("evt_1", "transaction.approved", ApprovedData);

        HandlerResult<WebhookReceipt> failed = await harness.Intake.HandleAsync(harness.Durable, body, harness.Sign(body), CancellationToken.None);
        HandlerResult<WebhookReceipt> redelivered = await harness.Intake.HandleAsync(harness.Durable, body, harness.Sign(body), CancellationToken.None);

        Assert.Equal((HttpStatusCode.ServiceUnavailable, ProblemTypes.TemporarilyUnavailable), (failed.StatusCode, failed.Problem!.Type));
        Assert.Equal(WebhookOutcome.Raised, redelivered.Body!.Outcome);
        Assert.Equal(WebhookEventState.Raised, (await harness.Events.GetAsync("evt_1", CancellationToken.None))!.State);
    }

    [Fact]
    public async Task A_recurring_event_is_raised_into_the_series_by_recurring_id()
    {
        var harness = new WebhookHarness(azurite);
        await harness.CorrelateAsync(CorrelationKind.Recurring, "RC9F4A2B", "series-1");
        byte[] body = WebhookHarness.Body("evt_2", "recurring.charged", """{"recurring_id":"RC9F4A2B","transaction_id":"TX1","amount":9.99,"currency":"EUR","accepted":true}""");

        await harness.Intake.HandleAsync(harness.Durable, body, harness.Sign(body), CancellationToken.None);

        (string instanceId, string eventName, object? payload) = Assert.Single(harness.Raised);
        Assert.Equal(("series-1", RecurringEventNames.Recurring), (instanceId, eventName));
        Assert.Equal(
            new RecurringEvent("evt_2", "recurring.charged", new DateTimeOffset(2026, 11, 23, 21, 59, 30, TimeSpan.Zero), "RC9F4A2B", "TX1", null, 9.99m, "EUR", true),
            payload);
    }

    [Fact]
    public async Task A_future_transaction_event_falls_back_to_the_series_when_the_charge_itself_is_not_correlated()
    {
        var harness = new WebhookHarness(azurite);
        await harness.CorrelateAsync(CorrelationKind.Recurring, "RC9F4A2B", "series-1");
        byte[] body = WebhookHarness.Body("evt_3", "future_transaction.executed", """{"recurring_id":"RC9F4A2B","future_transaction_id":"FT3D8E1C"}""");

        await harness.Intake.HandleAsync(harness.Durable, body, harness.Sign(body), CancellationToken.None);

        Assert.Equal("series-1", Assert.Single(harness.Raised).InstanceId);
    }
}
