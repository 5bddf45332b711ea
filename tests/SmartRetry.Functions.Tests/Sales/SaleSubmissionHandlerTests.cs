using System.Net;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.DurableTask.Client;
using Moq;
using SmartRetry.Functions.Sales;
using SmartRetry.Functions.Shared.Cards;
using SmartRetry.Functions.Shared.Charges;
using SmartRetry.Functions.Shared.Durable;
using SmartRetry.Functions.Shared.Http;
using SmartRetry.Functions.Shared.Idempotency;
using SmartRetry.Functions.Shared.Ledger;
using SmartRetry.Functions.Shared.Problems;
using SmartRetry.Functions.Shared.Serialization;
using SmartRetry.Functions.Shared.Storage;
using SmartRetry.Functions.Tests.Shared.Cards;
using SmartRetry.Functions.Tests.Shared.Storage;
using SmartRetry.Functions.Tests.TestHost;
using SmartRetry.Testing.Storage;

namespace SmartRetry.Functions.Tests.Sales;

[Collection(AzuriteTests.Name)]
public sealed class SaleSubmissionHandlerTests(AzuriteFixture azurite)
{
    private static readonly string PaymentId = SaleInstanceIds.For("order-42");

    [Fact]
    public async Task A_valid_sale_is_recorded_and_scheduled_with_its_card_sealed()
    {
        var harness = new SaleHarness(azurite);

        HandlerResult<SaleAccepted> result = await harness.Submission.SubmitAsync(harness.Durable, TestSales.Request(), CancellationToken.None);

        Assert.Equal(HttpStatusCode.Accepted, result.StatusCode);
        Assert.Equal(PaymentId, result.Body!.PaymentId);
        Assert.False(result.Body.Replayed);
        Assert.True(result.Body.CvvKept);
        Assert.Equal(PaymentRoutes.StatusPath(PaymentId), result.Body.Links.Status);
        Assert.Null(result.Body.Links.Cancel);

        SaleInput input = harness.SingleScheduledInput();
        Assert.Equal(PaymentId, input.PaymentId);
        Assert.Equal(49.99m, input.Amount);
        Assert.Equal(harness.Tracking.Policy, input.Tracking);
        Assert.Null(input.Card);
        CardDetails card = (await harness.HeldCardAsync(PaymentId))!;
        Assert.Equal((TestSales.CardNumber, TestSales.ExpiryMonth, TestSales.ExpiryYear, TestSales.Cvv), (card.Number, card.ExpiryMonth, card.ExpiryYear, card.Cvv));

        PaymentLedgerEntry? entry = await harness.Ledger.GetAsync(PaymentId, CancellationToken.None);
        Assert.Equal(PaymentStatus.Scheduled, entry!.Status);
        Assert.Equal(IdempotencyState.Completed, (await harness.Idempotency.GetAsync(PaymentId, CancellationToken.None))!.State);
    }

    [Fact]
    public async Task The_same_request_again_answers_with_the_same_payment_and_schedules_nothing()
    {
        var harness = new SaleHarness(azurite);
        await harness.Submission.SubmitAsync(harness.Durable, TestSales.Request(), CancellationToken.None);

        HandlerResult<SaleAccepted> again = await harness.Submission.SubmitAsync(harness.Durable, TestSales.Request(), CancellationToken.None);

        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal(PaymentId, again.Body!.PaymentId);
        Assert.True(again.Body.Replayed);
        Assert.Single(harness.Scheduled);
    }

    [Fact]
    public async Task Fifty_concurrent_identical_requests_schedule_exactly_once_and_store_one_record()
    {
        var harness = new SaleHarness(azurite);
        byte[] body = JsonSerializer.SerializeToUtf8Bytes(TestSales.Request(), PaymentsJson.Options);

        HandlerResult<SaleAccepted>[] results = await Task.WhenAll(Enumerable.Range(0, 50)
            .Select(_ => Task.Run(() => harness.Submission.SubmitAsync(harness.Durable, body, CancellationToken.None))));

        // The winner schedules; the rest see it scheduled (202, replayed) or still scheduling (409, retry).
        Assert.Single(results, r => r.StatusCode == HttpStatusCode.Accepted && !r.Body!.Replayed);
        Assert.All(results, r => Assert.True(
            r.Body?.PaymentId == PaymentId || r.Problem?.Type == ProblemTypes.RequestInProgress,
            $"unexpected {r.StatusCode} {r.Problem?.Type}"));
        HandlerResult<SaleAccepted> retry = await harness.Submission.SubmitAsync(harness.Durable, body, CancellationToken.None);
        Assert.Equal((HttpStatusCode.Accepted, true), (retry.StatusCode, retry.Body!.Replayed));
        Assert.Single(harness.Scheduled, s => s.Name == nameof(SaleWorkflow) && s.InstanceId == PaymentId);
        Assert.Single(await RowsAsync(harness.Tables, PaymentsTable.Idempotency));
        Assert.Single(await RowsAsync(harness.Tables, PaymentsTable.Ledger));
    }

    [Fact]
    public async Task The_same_merchant_transaction_id_with_another_body_is_a_conflict_that_changes_nothing()
    {
        var harness = new SaleHarness(azurite);
        await harness.Submission.SubmitAsync(harness.Durable, TestSales.Request(), CancellationToken.None);

        HandlerResult<SaleAccepted> conflict = await harness.Submission.SubmitAsync(harness.Durable, TestSales.Request() with { Amount = 50m }, CancellationToken.None);

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal(ProblemTypes.IdempotencyConflict, conflict.Problem!.Type);
        Assert.Single(harness.Scheduled);
        Assert.Equal(49.99m, (await harness.Ledger.GetAsync(PaymentId, CancellationToken.None))!.Amount);
    }

    [Fact]
    public async Task The_same_sale_written_differently_is_the_same_request()
    {
        var harness = new SaleHarness(azurite);
        await harness.Submission.SubmitAsync(harness.Durable, TestSales.Request(), CancellationToken.None);
        const string reordered = """
            { "currency": "USD", "amount": 49.990, "merchant_transaction_id": "order-42",
              "payer": {"email":"jane.doe@example.com","first_name":"Jane","last_name":"Doe","phone_number":"+12125551234"},
              "card": {"cvv":"9731","expiry_year":2031,"expiry_month":7,"number":"4111111111111111","holder_name":"Jane Doe"},
              "merchant_order_id": "ord-42", "description": "Order #42" }
            """;

        HandlerResult<SaleAccepted> again = await harness.Submission.SubmitAsync(harness.Durable, Encoding.UTF8.GetBytes(reordered), CancellationToken.None);

        Assert.True(again.Body!.Replayed);
    }

    [Fact]
    public async Task The_same_sale_with_another_cvv_is_the_same_request_and_its_fingerprint_holds_no_cvv()
    {
        var harness = new SaleHarness(azurite);
        await harness.Submission.SubmitAsync(harness.Durable, TestSales.Request(), CancellationToken.None);

        HandlerResult<SaleAccepted> again = await harness.Submission.SubmitAsync(
            harness.Durable, TestSales.Request() with { Card = TestSales.Request().Card! with { Cvv = "1234" } }, CancellationToken.None);

        Assert.True(again.Body!.Replayed);
        Assert.Single(harness.Scheduled);
    }

    /// <summary>Fingerprints kept from before the CVV was left out (their canonical form had it after the expiry year) still match their request.</summary>
    [Fact]
    public async Task A_fingerprint_made_with_the_cvv_before_still_recognises_its_repeat()
    {
        var harness = new SaleHarness(azurite);
        var validator = new ChargeRequestValidator(harness.Time, Microsoft.Extensions.Options.Options.Create(harness.Requests));
        ValidatedCharge sale = validator.Validate(TestSales.Request(), out _)!;
        string legacy = LegacyFingerprint(harness.KeyRing, "k1", sale);
        await harness.Idempotency.ClaimAsync(
            new IdempotencyRecord(PaymentId, legacy, "k1", PaymentId, IdempotencyState.Completed, TestSales.Now), CancellationToken.None);

        HandlerResult<SaleAccepted> repeat = await harness.Submission.SubmitAsync(harness.Durable, TestSales.Request(), CancellationToken.None);
        HandlerResult<SaleAccepted> other = await harness.Submission.SubmitAsync(harness.Durable, TestSales.Request() with { Amount = 1m }, CancellationToken.None);

        Assert.True(repeat.Body!.Replayed);
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Empty(harness.Scheduled);
    }

    private static string LegacyFingerprint(SealingKeyRing keys, string keyId, ValidatedCharge sale)
    {
        using var canonical = new MemoryStream();
        using (var json = new Utf8JsonWriter(canonical))
        {
            json.WriteStartArray();
            json.WriteStringValue(sale.MerchantTransactionId);
            json.WriteStringValue(sale.Amount.ToString("G29", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteStringValue(sale.Currency);
            json.WriteStringValue(sale.Card.Number);
            json.WriteNumberValue(sale.Card.ExpiryMonth);
            json.WriteNumberValue(sale.Card.ExpiryYear);
            foreach (string? value in new[] { sale.Card.Cvv, sale.Card.HolderName, sale.Payer.FirstName, sale.Payer.LastName, sale.Payer.Email, sale.Payer.PhoneNumber, sale.Description, sale.MerchantOrderId, null })
            {
                if (value is null)
                {
                    json.WriteNullValue();
                }
                else
                {
                    json.WriteStringValue(value);
                }
            }

            json.WriteEndArray();
        }

        return Convert.ToBase64String(System.Security.Cryptography.HMACSHA256.HashData(keys.DeriveSubKey(keyId, "sale-request-fingerprint")!, canonical.ToArray()));
    }

    [Fact]
    public async Task A_repeat_after_key_rotation_is_still_recognised()
    {
        var harness = new SaleHarness(azurite);
        await harness.Submission.SubmitAsync(harness.Durable, TestSales.Request(), CancellationToken.None);
        IdempotencyRecord record = (await harness.Idempotency.GetAsync(PaymentId, CancellationToken.None))!;
        var rotated = new ChargeFingerprinter(AesGcmCardSealerTests.KeyRing(
            [("k1", Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray())), ("k2", AesGcmCardSealerTests.NewKey())], current: "k2"));
        var validator = new ChargeRequestValidator(harness.Time, Microsoft.Extensions.Options.Options.Create(harness.Requests));
        ValidatedCharge sale = validator.Validate(TestSales.Request(), out _)!;

        Assert.True(rotated.Matches(sale, record.RequestHash, record.HashKeyId));
        Assert.False(rotated.Matches(validator.Validate(TestSales.Request() with { Amount = 1m }, out _)!, record.RequestHash, record.HashKeyId));
    }

    [Fact]
    public async Task A_future_dated_sale_keeps_no_cvv_and_offers_a_cancel_link()
    {
        var harness = new SaleHarness(azurite);
        DateTimeOffset at = TestSales.Now.AddDays(3);

        HandlerResult<SaleAccepted> result = await harness.Submission.SubmitAsync(harness.Durable, TestSales.Request() with { ScheduledAt = at }, CancellationToken.None);

        Assert.Equal(SaleSubmissionHandler.CvvDroppedNote, result.Body!.Note);
        Assert.False(result.Body.CvvKept);
        Assert.Equal(SaleRoutes.CancelPath(PaymentId), result.Body.Links.Cancel);
        SaleInput input = harness.SingleScheduledInput();
        Assert.Equal(at, input.ScheduledAt);
        Assert.Null(input.Card);
        CardDetails held = (await harness.HeldCardAsync(PaymentId))!;
        Assert.Equal(TestSales.CardNumber, held.Number);
        Assert.Null(held.Cvv);
        Assert.Equal(at, (await harness.Ledger.GetAsync(PaymentId, CancellationToken.None))!.ScheduledAt);
    }

    [Fact]
    public async Task A_repeat_of_a_future_dated_sale_after_its_time_has_passed_is_answered_as_a_repeat()
    {
        var harness = new SaleHarness(azurite);
        ChargeRequest request = TestSales.Request() with { ScheduledAt = TestSales.Now.AddHours(2) };
        await harness.Submission.SubmitAsync(harness.Durable, request, CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromHours(3));

        HandlerResult<SaleAccepted> again = await harness.Submission.SubmitAsync(harness.Durable, request, CancellationToken.None);

        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.True(again.Body!.Replayed);
        Assert.Equal(PaymentId, again.Body.PaymentId);
        Assert.Single(harness.Scheduled);
    }

    [Fact]
    public async Task A_different_sale_under_a_used_id_with_a_passed_scheduled_at_is_still_a_400()
    {
        var harness = new SaleHarness(azurite);
        ChargeRequest request = TestSales.Request() with { ScheduledAt = TestSales.Now.AddHours(2) };
        await harness.Submission.SubmitAsync(harness.Durable, request, CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromHours(3));

        HandlerResult<SaleAccepted> other = await harness.Submission.SubmitAsync(harness.Durable, request with { Amount = 1.00m }, CancellationToken.None);

        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        Assert.Equal(["/scheduled_at"], other.Problem!.Errors!.Keys);
        Assert.Single(harness.Scheduled);
    }

    [Fact]
    public async Task An_invalid_request_is_a_400_that_stores_and_schedules_nothing()
    {
        var harness = new SaleHarness(azurite);

        HandlerResult<SaleAccepted> result = await harness.Submission.SubmitAsync(harness.Durable,
            TestSales.Request() with { Currency = "XXX", Card = TestSales.Request().Card! with { Number = "4111111111111112" } }, CancellationToken.None);

        Assert.Equal(HttpStatusCode.BadRequest, result.StatusCode);
        Assert.Equal(["/card/number", "/currency"], result.Problem!.Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(harness.Scheduled);
        Assert.Empty(await TestTables.AllValuesAsync(harness.Tables));
    }

    [Fact]
    public async Task A_failed_schedule_releases_the_claim_so_a_retry_schedules_at_once()
    {
        var harness = new SaleHarness(azurite);
        harness.Durable.ScheduleFaults.Enqueue(new InvalidOperationException("task hub unavailable"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Submission.SubmitAsync(harness.Durable, TestSales.Request(), CancellationToken.None));
        HandlerResult<SaleAccepted> retry = await harness.Submission.SubmitAsync(harness.Durable, TestSales.Request(), CancellationToken.None);

        Assert.False(retry.Body!.Replayed);
        Assert.Equal(2, harness.Durable.Scheduled.Count(s => s.Name == nameof(SaleWorkflow) && s.InstanceId == PaymentId));
        Assert.Equal(IdempotencyState.Completed, (await harness.Idempotency.GetAsync(PaymentId, CancellationToken.None))!.State);
    }

    [Fact]
    public async Task A_claim_whose_holder_died_is_honoured_within_its_lease_and_taken_over_after_it()
    {
        var harness = new SaleHarness(azurite);
        ValidatedCharge sale = new ChargeRequestValidator(harness.Time, Microsoft.Extensions.Options.Options.Create(harness.Requests)).Validate(TestSales.Request(), out _)!;
        ChargeFingerprint fingerprint = new ChargeFingerprinter(harness.KeyRing).Compute(sale);
        await harness.Idempotency.ClaimAsync(
            new IdempotencyRecord(PaymentId, fingerprint.Hash, fingerprint.KeyId, PaymentId, IdempotencyState.Claimed, TestSales.Now), CancellationToken.None);

        HandlerResult<SaleAccepted> withinLease = await harness.Submission.SubmitAsync(harness.Durable, TestSales.Request(), CancellationToken.None);
        harness.Time.Advance(harness.Requests.ClaimLease);
        HandlerResult<SaleAccepted> afterLease = await harness.Submission.SubmitAsync(harness.Durable, TestSales.Request(), CancellationToken.None);

        Assert.Equal((HttpStatusCode.Conflict, ProblemTypes.RequestInProgress), (withinLease.StatusCode, withinLease.Problem!.Type));
        Assert.False(afterLease.Body!.Replayed);
        Assert.Single(harness.Scheduled);
    }

    [Fact]
    public async Task A_taken_over_claim_whose_instance_already_exists_is_not_scheduled_again()
    {
        var harness = new SaleHarness(azurite);
        ValidatedCharge sale = new ChargeRequestValidator(harness.Time, Microsoft.Extensions.Options.Options.Create(harness.Requests)).Validate(TestSales.Request(), out _)!;
        ChargeFingerprint fingerprint = new ChargeFingerprinter(harness.KeyRing).Compute(sale);
        await harness.Idempotency.ClaimAsync(
            new IdempotencyRecord(PaymentId, fingerprint.Hash, fingerprint.KeyId, PaymentId, IdempotencyState.Claimed, TestSales.Now), CancellationToken.None);
        harness.Durable.Instances[PaymentId] = RecordingDurableClient.Instance(PaymentId, nameof(SaleWorkflow), OrchestrationRuntimeStatus.Completed, TestSales.Now);
        harness.Time.Advance(harness.Requests.ClaimLease);

        HandlerResult<SaleAccepted> result = await harness.Submission.SubmitAsync(harness.Durable, TestSales.Request(), CancellationToken.None);

        Assert.True(result.Body!.Replayed);
        Assert.Empty(harness.Scheduled);
        Assert.Equal(IdempotencyState.Completed, (await harness.Idempotency.GetAsync(PaymentId, CancellationToken.None))!.State);
    }

    [Fact]
    public async Task No_table_row_workflow_input_or_log_line_holds_the_card_number_cvv_or_expiry()
    {
        var harness = new SaleHarness(azurite);
        await harness.Submission.SubmitAsync(harness.Durable, TestSales.Request(), CancellationToken.None);
        await harness.Submission.SubmitAsync(harness.Durable, TestSales.Request("order-43") with { ScheduledAt = TestSales.Now.AddDays(2) }, CancellationToken.None);
        await harness.Submission.SubmitAsync(harness.Durable, TestSales.Request(), CancellationToken.None);
        await harness.Submission.SubmitAsync(harness.Durable, TestSales.Request() with { Amount = 1m }, CancellationToken.None);
        await harness.Submission.SubmitAsync(harness.Durable, TestSales.Request("bad") with { Currency = "XXX" }, CancellationToken.None);

        // Timestamp and ETag are written by the service (fractional seconds can hold any digits) and carry no request data.
        List<string> rows = (await TestTables.AllValuesAsync(harness.Tables))
            .Where(v => !v.StartsWith("Timestamp=", StringComparison.Ordinal) && !v.StartsWith("odata.etag=", StringComparison.Ordinal))
            .ToList();
        string inputs = string.Join("\n", harness.Scheduled.Select(s => JsonSerializer.Serialize(s.Input, PaymentsJson.Options) + s.Input));
        List<string> logs = harness.LoggedText().ToList();

        Assert.NotEmpty(rows);
        Assert.Equal(2, harness.Scheduled.Count);
        Assert.NotEmpty(logs);
        foreach (string secret in TestSales.Secrets)
        {
            Assert.DoesNotContain(rows, row => row.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(secret, inputs, StringComparison.Ordinal);
            Assert.DoesNotContain(logs, line => line.Contains(secret, StringComparison.Ordinal));
        }
    }

    private static async Task<List<TableEntity>> RowsAsync(PaymentsTables tables, PaymentsTable table)
    {
        TableClient client = await tables.GetAsync(table, CancellationToken.None);
        List<TableEntity> rows = [];
        await foreach (TableEntity row in client.QueryAsync<TableEntity>())
        {
            rows.Add(row);
        }

        return rows;
    }
}
