using Microsoft.Extensions.Time.Testing;
using Moq;
using SmartRetry.Functions.Shared.Cards;
using SmartRetry.Functions.Shared.Correlation;
using SmartRetry.Functions.Shared.Gateway;
using SmartRetry.Functions.Shared.Ledger;
using SmartRetry.Functions.Shared.Series;
using SmartRetry.Functions.Tests.Shared.Cards;
using SmartRetry.Functions.Tests.Shared.Storage;
using SmartRetry.Testing.Storage;

namespace SmartRetry.Functions.Tests.Shared.Series;

/// <summary>The set-up activity over a real card vault on Azurite, with SmartRetry's answers scripted.</summary>
[Collection(AzuriteTests.Name)]
public sealed class InitRecurringTests
{
    private static readonly SealedCard Sealed = new("k1", "envelope");
    private static readonly CardDetails Card = new("4111111111111111", 7, 2031, "123", "Jane Doe");

    private readonly Mock<ISmartRetryRecurringGateway> _smartRetry = new();
    private readonly Mock<ICardSealer> _sealer = new();
    private readonly Mock<ICorrelationStore> _correlations = new();
    private readonly Mock<IPaymentLedger> _ledger = new();
    private readonly Mock<IRecurringSeriesStore> _series = new();
    private readonly RecurringSeries _stored = new("rs-1", SeriesManagement.Merchant, RecurringSeriesStatus.Active, 10m, "EUR", "fp", default, default);
    private readonly TableCardVault _cards;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero));
    private RecurringSeries? _written;

    public InitRecurringTests(AzuriteFixture azurite)
    {
        _cards = new TableCardVault(TestTables.Create(azurite), new AesGcmCardSealer(AesGcmCardSealerTests.KeyRing([("k1", AesGcmCardSealerTests.NewKey())], current: "k1")), _time);
        _cards.HoldAsync("rs-1", Card, _time.GetUtcNow().AddHours(23), CancellationToken.None).GetAwaiter().GetResult();
        _sealer.Setup(s => s.Unseal(Sealed, null)).Returns(Card);
        _series.Setup(s => s.UpdateAsync("rs-1", It.IsAny<Func<RecurringSeries, RecurringSeries?>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, Func<RecurringSeries, RecurringSeries?> change, CancellationToken _) => _written = change(_stored));
    }

    [Fact]
    public async Task An_accepted_init_correlates_the_series_records_the_first_payment_and_the_recurring_id()
    {
        _smartRetry.Setup(g => g.InitRecurringAsync(It.Is<RecurringInitSubmission>(s => s.Card == Card && s.IdempotencyKey == "key"), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new RecurringInitReply(true, "TX000001", "OR000001", "RC000001"));

        InitRecurringResult result = await Activity().RunAsync(Request(), CancellationToken.None);

        Assert.Equal(new InitRecurringResult(true, "RC000001", "TX000001"), result);
        _correlations.Verify(c => c.AddAsync(CorrelationKind.Recurring, "RC000001", "rs-1", It.IsAny<CancellationToken>()));
        _ledger.Verify(l => l.RecordAsync(It.Is<PaymentLedgerEntry>(e => e.Kind == PaymentKind.RecurringInit && e.Status == PaymentStatus.Approved && e.TransactionId == "TX000001"), It.IsAny<CancellationToken>()));
        Assert.Equal(("RC000001", RecurringSeriesStatus.Active), (_written!.RecurringId, _written.Status));
    }

    [Fact]
    public async Task A_declined_first_payment_marks_the_series_cancelled()
    {
        _smartRetry.Setup(g => g.InitRecurringAsync(It.IsAny<RecurringInitSubmission>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new RecurringInitReply(false, "TX000002", "OR000001", null));

        InitRecurringResult result = await Activity().RunAsync(Request(), CancellationToken.None);

        Assert.False(result.Accepted);
        Assert.Equal(RecurringSeriesStatus.Cancelled, _written!.Status);
        _ledger.Verify(l => l.RecordAsync(It.Is<PaymentLedgerEntry>(e => e.Status == PaymentStatus.Declined), It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task SmartRetrys_answer_replaces_the_card_and_a_retry_after_a_crash_uses_it_without_calling_again()
    {
        _smartRetry.Setup(g => g.InitRecurringAsync(It.IsAny<RecurringInitSubmission>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new RecurringInitReply(true, "TX000001", "OR000001", "RC000001"));

        InitRecurringResult first = await Activity().RunAsync(Request(), CancellationToken.None);
        InitRecurringResult retried = await Activity().RunAsync(Request(), CancellationToken.None);

        Assert.Equal(first, retried);
        _smartRetry.Verify(g => g.InitRecurringAsync(It.IsAny<RecurringInitSubmission>(), It.IsAny<CancellationToken>()), Times.Once);
        HeldCard<RecurringInitAnswer> held = await _cards.OpenAsync<RecurringInitAnswer>("rs-1", CancellationToken.None);
        Assert.Null(held.Card);
        Assert.Equal(new RecurringInitReply(true, "TX000001", "OR000001", "RC000001"), held.Answer!.Result);
    }

    [Fact]
    public async Task A_refusal_is_recorded_in_the_cards_place_too()
    {
        _smartRetry.Setup(g => g.InitRecurringAsync(It.IsAny<RecurringInitSubmission>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new SmartRetryRejectedException(422, "INVALID_START_DATE", "refused"));

        InitRecurringResult result = await Activity().RunAsync(Request(), CancellationToken.None);

        Assert.Equal(new InitRecurringResult(false, null, null, "INVALID_START_DATE"), result);
        Assert.Equal(RecurringSeriesStatus.Refused, _written!.Status);
        Assert.Null((await _cards.OpenAsync<RecurringInitAnswer>("rs-1", CancellationToken.None)).Card);
    }

    [Fact]
    public async Task A_series_started_before_the_vault_is_set_up_with_the_card_its_state_carries()
    {
        await _cards.ForgetAsync("rs-1", CancellationToken.None);
        _smartRetry.Setup(g => g.InitRecurringAsync(It.Is<RecurringInitSubmission>(s => s.Card == Card), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new RecurringInitReply(true, "TX000001", "OR000001", "RC000001"));

        InitRecurringResult result = await Activity().RunAsync(Request() with { Card = Sealed }, CancellationToken.None);

        Assert.True(result.Accepted);
    }

    private InitRecurring Activity() =>
        new(_smartRetry.Object, _cards, _sealer.Object, _correlations.Object, _ledger.Object, _series.Object, _time);

    private static InitRecurringRequest Request() =>
        new("rs-1", "key", 10m, "EUR", SeriesManagement.Merchant, null, new PayerDetails("Jane", "Doe", "jane@example.com"));
}
