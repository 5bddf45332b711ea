using System.Text.Json;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Moq;
using SmartRetry.Client.Errors;
using SmartRetry.Functions.Sales;
using SmartRetry.Functions.Shared.Cards;
using SmartRetry.Functions.Shared.Correlation;
using SmartRetry.Functions.Shared.Events;
using SmartRetry.Functions.Shared.Gateway;
using SmartRetry.Functions.Shared.Ledger;
using SmartRetry.Functions.Shared.Serialization;
using SmartRetry.Functions.Shared.Storage;
using SmartRetry.Functions.Tests.Shared.Cards;
using SmartRetry.Functions.Tests.Shared.Gateway;
using SmartRetry.Functions.Tests.Shared.Storage;
using SmartRetry.Testing.Storage;

namespace SmartRetry.Functions.Tests.Sales;

/// <summary>The submit activity over a real card vault on Azurite, with SmartRetry's answers scripted.</summary>
[Collection(AzuriteTests.Name)]
public class SubmitSaleTests
{
    private static readonly SealedCard Sealed = new("key-1", "ZW52ZWxvcGU=");
    private static readonly CardDetails Card = new("4111111111111111", 12, 2031, "123", "Jane Doe");
    private static readonly SaleSubmission Request = new(
        "sale-1", "sale-submit-sale-1-abc", "mt-1", 10.50m, "EUR", new PayerDetails("Jane", "Doe", "jane@example.com"), "desc", "ord-1");

    private readonly Mock<ISmartRetryGateway> gateway = new(MockBehavior.Strict);
    private readonly Mock<ICardSealer> sealer = new(MockBehavior.Strict);
    private readonly TableCardVault vault;
    private readonly Mock<ICorrelationStore> correlations = new(MockBehavior.Strict);
    private readonly Mock<IPendingEventStore> pending = new(MockBehavior.Strict);
    private readonly FakeLogger<SubmitSale> logger = new();
    private readonly Mock<IPaymentLedger> ledger = new();
    private readonly List<PaymentLedgerEntry> recorded = [];
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));

    public SubmitSaleTests(AzuriteFixture azurite)
    {
        PaymentsTables tables = TestTables.Create(azurite);
        vault = new TableCardVault(tables, new AesGcmCardSealer(AesGcmCardSealerTests.KeyRing([("k1", AesGcmCardSealerTests.NewKey())], current: "k1")), time);
        vault.HoldAsync(Request.PaymentId, Card, time.GetUtcNow().AddHours(23), CancellationToken.None).GetAwaiter().GetResult();
        sealer.Setup(s => s.Unseal(Sealed, null)).Returns(Card);
        pending.Setup(p => p.GetAsync(CorrelationKind.Transaction, It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);
        ledger.Setup(l => l.RecordAsync(It.IsAny<PaymentLedgerEntry>(), It.IsAny<CancellationToken>()))
            .Callback((PaymentLedgerEntry entry, CancellationToken _) => recorded.Add(entry))
            .ReturnsAsync(true);
    }

    [Fact]
    public async Task A_sale_SmartRetry_accepted_is_recorded_as_processing_with_its_transaction_before_the_workflow_hears_of_it()
    {
        gateway.Setup(g => g.SubmitSaleAsync(It.IsAny<SaleSubmission>(), It.IsAny<CardDetails>(), It.IsAny<CancellationToken>())).ReturnsAsync(new PaymentSubmissionResult(true, "TX000001", "OR000001"));
        correlations.Setup(c => c.AddAsync(CorrelationKind.Transaction, "TX000001", "sale-1", It.IsAny<CancellationToken>())).ReturnsAsync("sale-1");

        await CreateActivity().RunAsync(Request, CancellationToken.None);

        Assert.Equal(
            new PaymentLedgerEntry("sale-1", "mt-1", PaymentKind.Sale, 10.50m, "EUR", PaymentStatus.Processing, time.GetUtcNow(), "TX000001", "OR000001"),
            Assert.Single(recorded));
    }

    [Fact]
    public async Task A_sale_declined_in_SmartRetrys_answer_or_refused_is_not_recorded_here()
    {
        gateway.SetupSequence(g => g.SubmitSaleAsync(It.IsAny<SaleSubmission>(), It.IsAny<CardDetails>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new PaymentSubmissionResult(false, "TX000002", "OR000002"))
            .ReturnsAsync(PaymentSubmissionResult.Refused(new PaymentRejection("INVALID_AMOUNT", 400)));
        correlations.Setup(c => c.AddAsync(CorrelationKind.Transaction, "TX000002", "sale-1", It.IsAny<CancellationToken>())).ReturnsAsync("sale-1");

        await CreateActivity().RunAsync(Request, CancellationToken.None);
        await CreateActivity().RunAsync(Request, CancellationToken.None);

        Assert.Empty(recorded);
    }

    [Fact]
    public async Task Submits_the_unsealed_card_with_the_given_key_and_correlates_the_transaction_to_the_sale()
    {
        gateway.Setup(g => g.SubmitSaleAsync(It.IsAny<SaleSubmission>(), It.IsAny<CardDetails>(), It.IsAny<CancellationToken>())).ReturnsAsync(new PaymentSubmissionResult(true, "TX000001", "OR000001"));
        correlations.Setup(c => c.AddAsync(CorrelationKind.Transaction, "TX000001", "sale-1", It.IsAny<CancellationToken>())).ReturnsAsync("sale-1");

        PaymentSubmissionResult result = await CreateActivity().RunAsync(Request, CancellationToken.None);

        Assert.Equal(new PaymentSubmissionResult(true, "TX000001", "OR000001"), result);
        gateway.Verify(g => g.SubmitSaleAsync(Request, Card, It.IsAny<CancellationToken>()));
        correlations.VerifyAll();
    }

    [Fact]
    public async Task Webhooks_kept_pending_before_the_transaction_was_correlated_are_returned_to_the_workflow()
    {
        var early = new TransactionEvent("evt_1", "transaction.approved", DateTimeOffset.UnixEpoch, "TX000001", SmartRetryStatus.Approved, "AUTH.APPROVED", 1);
        gateway.Setup(g => g.SubmitSaleAsync(It.IsAny<SaleSubmission>(), It.IsAny<CardDetails>(), It.IsAny<CancellationToken>())).ReturnsAsync(new PaymentSubmissionResult(true, "TX000001", "OR000001"));
        correlations.Setup(c => c.AddAsync(CorrelationKind.Transaction, "TX000001", "sale-1", It.IsAny<CancellationToken>())).ReturnsAsync("sale-1");
        pending.Setup(p => p.GetAsync(CorrelationKind.Transaction, "TX000001", It.IsAny<CancellationToken>())).ReturnsAsync(
        [
            new PendingEvent(CorrelationKind.Transaction, "TX000001", "evt_1", OrchestrationEventNames.Transaction, early.CreatedAt, JsonSerializer.Serialize(early, PaymentsJson.Options)),
            new PendingEvent(CorrelationKind.Transaction, "TX000001", "evt_2", "SomethingElse", early.CreatedAt, "{}"),
        ]);

        PaymentSubmissionResult result = await CreateActivity().RunAsync(Request, CancellationToken.None);

        Assert.Equal([early], result.EarlyEvents!);
    }

    [Fact]
    public async Task A_refusal_is_returned_with_its_reason_instead_of_thrown()
    {
        gateway.Setup(g => g.SubmitSaleAsync(It.IsAny<SaleSubmission>(), It.IsAny<CardDetails>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(PaymentSubmissionResult.Refused(new PaymentRejection("INVALID_AMOUNT", 400)));

        PaymentSubmissionResult result = await CreateActivity().RunAsync(Request, CancellationToken.None);

        Assert.Equal(new PaymentSubmissionResult(false, null, null, new PaymentRejection("INVALID_AMOUNT", 400)), result);
    }

    [Fact]
    public async Task Rate_limiting_is_thrown_so_the_retry_policy_tries_again()
    {
        gateway.Setup(g => g.SubmitSaleAsync(It.IsAny<SaleSubmission>(), It.IsAny<CardDetails>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new SmartRetryRateLimitException("slow down"));

        await Assert.ThrowsAsync<SmartRetryRateLimitException>(() => CreateActivity().RunAsync(Request, CancellationToken.None));
    }

    [Fact]
    public async Task A_card_envelope_that_cannot_be_opened_is_refused_without_calling_SmartRetry()
    {
        sealer.Setup(s => s.Unseal(Sealed, null)).Throws(new CardSealingException("unknown key id"));

        PaymentSubmissionResult result = await CreateActivity().RunAsync(Request with { Card = Sealed }, CancellationToken.None);

        Assert.Equal(SubmitSale.UnreadableCardReason, result.Rejection!.ReasonCode);
        gateway.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task SmartRetrys_answer_replaces_the_card_in_the_vault()
    {
        gateway.Setup(g => g.SubmitSaleAsync(It.IsAny<SaleSubmission>(), It.IsAny<CardDetails>(), It.IsAny<CancellationToken>())).ReturnsAsync(new PaymentSubmissionResult(false, null, null));

        await CreateActivity().RunAsync(Request, CancellationToken.None);

        HeldCard<PaymentSubmissionResult> held = await vault.OpenAsync<PaymentSubmissionResult>(Request.PaymentId, CancellationToken.None);
        Assert.Null(held.Card);
        Assert.Equal(new PaymentSubmissionResult(false, null, null), held.Answer);
    }

    /// <summary>A host killed after SmartRetry answered and before the activity completed runs the activity again: it takes the recorded answer, with no card left to send.</summary>
    [Fact]
    public async Task A_retry_after_SmartRetry_answered_uses_the_recorded_answer_and_calls_nobody()
    {
        gateway.Setup(g => g.SubmitSaleAsync(It.IsAny<SaleSubmission>(), It.IsAny<CardDetails>(), It.IsAny<CancellationToken>())).ReturnsAsync(new PaymentSubmissionResult(true, "TX000001", "OR000001"));
        correlations.Setup(c => c.AddAsync(CorrelationKind.Transaction, "TX000001", "sale-1", It.IsAny<CancellationToken>())).ReturnsAsync("sale-1");
        PaymentSubmissionResult first = await CreateActivity().RunAsync(Request, CancellationToken.None);

        PaymentSubmissionResult retried = await CreateActivity().RunAsync(Request, CancellationToken.None);

        Assert.Equal(first, retried);
        gateway.Verify(g => g.SubmitSaleAsync(It.IsAny<SaleSubmission>(), It.IsAny<CardDetails>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    /// <summary>SmartRetry never answered (its outage threw): the card stays for the retry, which repeats the same key.</summary>
    [Fact]
    public async Task A_failure_before_SmartRetry_answered_keeps_the_card_for_the_retry()
    {
        gateway.SetupSequence(g => g.SubmitSaleAsync(It.IsAny<SaleSubmission>(), It.IsAny<CardDetails>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new SmartRetryTransportException("connection reset"))
            .ReturnsAsync(PaymentSubmissionResult.Refused(new PaymentRejection("INVALID_AMOUNT", 400)));

        await Assert.ThrowsAsync<SmartRetryTransportException>(() => CreateActivity().RunAsync(Request, CancellationToken.None));
        Assert.Equal(Card, (await vault.OpenAsync<PaymentSubmissionResult>(Request.PaymentId, CancellationToken.None)).Card);

        PaymentSubmissionResult retried = await CreateActivity().RunAsync(Request, CancellationToken.None);

        Assert.Equal("INVALID_AMOUNT", retried.Rejection!.ReasonCode);
        gateway.Verify(g => g.SubmitSaleAsync(Request, Card, It.IsAny<CancellationToken>()), Times.Exactly(2));
        Assert.Null((await vault.OpenAsync<PaymentSubmissionResult>(Request.PaymentId, CancellationToken.None)).Card);
    }

    [Fact]
    public async Task With_no_card_held_the_sale_is_refused_without_calling_SmartRetry()
    {
        await vault.ForgetAsync(Request.PaymentId, CancellationToken.None);

        PaymentSubmissionResult result = await CreateActivity().RunAsync(Request, CancellationToken.None);

        Assert.Equal(new PaymentRejection(SubmitSale.CardNotHeldReason, null), result.Rejection);
        gateway.VerifyNoOtherCalls();
    }

    /// <summary>An instance started before the card vault carries its sealed card in its input; it still charges, and the vault is not involved.</summary>
    [Fact]
    public async Task A_sale_started_before_the_vault_charges_the_card_its_input_carries()
    {
        await vault.ForgetAsync(Request.PaymentId, CancellationToken.None);
        gateway.Setup(g => g.SubmitSaleAsync(It.IsAny<SaleSubmission>(), It.IsAny<CardDetails>(), It.IsAny<CancellationToken>())).ReturnsAsync(new PaymentSubmissionResult(false, null, null));

        await CreateActivity().RunAsync(Request with { Card = Sealed }, CancellationToken.None);

        gateway.Verify(g => g.SubmitSaleAsync(It.Is<SaleSubmission>(s => s.PaymentId == "sale-1"), Card, It.IsAny<CancellationToken>()));
        Assert.Equal(new HeldCard<PaymentSubmissionResult>(null, null), await vault.OpenAsync<PaymentSubmissionResult>(Request.PaymentId, CancellationToken.None));
    }

    [Fact]
    public async Task Logs_carry_the_idempotency_key_and_no_card_data()
    {
        gateway.Setup(g => g.SubmitSaleAsync(It.IsAny<SaleSubmission>(), It.IsAny<CardDetails>(), It.IsAny<CancellationToken>())).ReturnsAsync(new PaymentSubmissionResult(false, null, null));

        await CreateActivity().RunAsync(Request, CancellationToken.None);

        FakeLogRecord record = Assert.Single(logger.Collector.GetSnapshot());
        Assert.Contains(record.Scopes.OfType<IEnumerable<KeyValuePair<string, object>>>().SelectMany(s => s), p => p.Key == "IdempotencyKey" && (string)p.Value == Request.IdempotencyKey);
        Assert.DoesNotContain(Card.Number, record.Message, StringComparison.Ordinal);
    }

    private SubmitSale CreateActivity() => new(gateway.Object, vault, sealer.Object, correlations.Object, new EarlyTransactionEvents(pending.Object), ledger.Object, time, logger);
}
