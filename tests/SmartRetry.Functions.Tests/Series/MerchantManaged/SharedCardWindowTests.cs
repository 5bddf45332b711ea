using Azure;
using SmartRetry.Functions.Series.MerchantManaged;
using SmartRetry.Functions.Shared.Cards;
using SmartRetry.Functions.Shared.Series;
using SmartRetry.Functions.Tests.Shared.Cards;
using SmartRetry.Functions.Tests.Shared.Storage;
using SmartRetry.Testing.Storage;

namespace SmartRetry.Functions.Tests.Series.MerchantManaged;

/// <summary>
/// The 20-attempts-per-card-in-30-days limit across every series charging the card: merchant series on the virtual-time
/// host (replay check on) reserving each attempt in the real per-card window on Azurite.
/// </summary>
[Collection(AzuriteTests.Name)]
public sealed class SharedCardWindowTests(AzuriteFixture azurite)
{
    private const string SoftDecline = "INSUFFICIENT_FUNDS";
    private static readonly DateTime Start = new(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly CardFingerprinter Fingerprinter = CardFingerprinterTests.Fingerprinter(CardFingerprinterTests.NewKey());
    private static readonly string CardX = Fingerprinter.Compute(new CardDetails("4111111111111111", 12, 2035, null, null));
    private static readonly string CardY = Fingerprinter.Compute(new CardDetails("5555555555554444", 12, 2035, null, null));
    private static readonly DunningPolicy HourlyDunning = DunningPolicy.Default with { RetryOffsets = [TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(3)] };

    [Fact]
    public async Task Two_daily_always_declining_series_on_one_card_together_never_exceed_twenty_attempts_in_any_thirty_days_and_another_card_is_unaffected()
    {
        var harness = new MerchantSeriesHarness(Start, new TableCardAttemptStore(TestTables.Create(azurite)));
        harness.SmartRetry.DeclineCodeFor = _ => SoftDecline;

        await harness.StartAsync(MerchantSeriesHarness.State(Daily(9), HourlyDunning, "rs-a", "RC00000A", CardX));
        await harness.StartAsync(MerchantSeriesHarness.State(Daily(15), HourlyDunning, "rs-b", "RC00000B", CardX));
        await harness.StartAsync(MerchantSeriesHarness.State(Daily(12), HourlyDunning, "rs-y", "RC00000Y", CardY));
        await RunAllToCompletionAsync(harness, "rs-a", "rs-b", "rs-y");

        IReadOnlyList<DateTime> cardX = [.. harness.ChargeTimesOf("rs-a").Concat(harness.ChargeTimesOf("rs-b")).Order()];
        IReadOnlyList<DateTime> cardY = harness.ChargeTimesOf("rs-y");
        Assert.Equal(20, BusiestThirtyDays(cardX));
        Assert.Equal(20, BusiestThirtyDays(cardY));
        Assert.True(cardX.Count > 80, $"the card was charged again whenever its window allowed ({cardX.Count} attempts)");
        Assert.True(cardY.Count > 80, $"the other card's series was charged whenever its own window allowed ({cardY.Count} attempts)");
        Assert.NotEmpty(harness.ChargeTimesOf("rs-a"));
        Assert.NotEmpty(harness.ChargeTimesOf("rs-b"));
        Assert.Contains(harness.LedgerWrites, w => w.PaymentId.StartsWith("rs-b-", StringComparison.Ordinal) && w.Note?.Contains("Not attempted: the card already had 20 attempts in the last 30 days", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Approvals_on_the_card_do_not_use_its_budget_of_declined_attempts()
    {
        var harness = new MerchantSeriesHarness(Start, new TableCardAttemptStore(TestTables.Create(azurite)));
        harness.SmartRetry.DeclineCodeForSeries = recurringId => recurringId == "RC00000B" ? SoftDecline : null;

        await harness.StartAsync(MerchantSeriesHarness.State(Daily(9, days: 30), seriesId: "rs-a", recurringId: "RC00000A", cardFingerprint: CardX));
        await harness.StartAsync(MerchantSeriesHarness.State(Daily(15, days: 30), seriesId: "rs-b", recurringId: "RC00000B", cardFingerprint: CardX));
        await RunAllToCompletionAsync(harness, "rs-a", "rs-b");

        // Had approvals counted, each series would have stopped after 10 charges. Once the card holds 20 declines,
        // the approving series is not charged either: its next attempt might decline.
        Assert.Equal([.. Enumerable.Range(0, 20).Select(day => Start.AddDays(day).AddHours(9))], harness.ChargeTimesOf("rs-a"));
        Assert.Equal([.. Enumerable.Range(0, 20).Select(day => Start.AddDays(day).AddHours(15))], harness.ChargeTimesOf("rs-b"));
    }

    [Fact]
    public async Task A_reservation_whose_result_was_lost_is_retried_and_counted_once()
    {
        var store = new ResultLosingStore(new TableCardAttemptStore(TestTables.Create(azurite)));
        var harness = new MerchantSeriesHarness(Start, store);
        harness.SmartRetry.DeclineCodeFor = _ => SoftDecline;
        DunningPolicy oneAttempt = DunningPolicy.Default with { RetryOffsets = [], MaxAttemptsPer30Days = 1 };

        await harness.StartAsync(MerchantSeriesHarness.State(Daily(9, days: 2), oneAttempt, cardFingerprint: CardX));
        await harness.Host.RunToCompletionAsync(MerchantSeriesHarness.SeriesId);

        // Lost result, its retry, and the next day's refused reservation.
        Assert.Equal(3, harness.Host.CountActivityCalls(nameof(ReserveCardAttempt)));
        Assert.Equal(Start, Assert.Single(harness.ChargeTimes).Date);
        Assert.Contains(harness.LedgerWrites, w => w.Note?.Contains("Not attempted", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_series_created_before_card_fingerprints_keeps_its_own_window_and_never_uses_the_shared_one()
    {
        var harness = new MerchantSeriesHarness(Start, new TableCardAttemptStore(TestTables.Create(azurite)));
        harness.SmartRetry.DeclineCodeFor = _ => SoftDecline;

        // Null is not written at the JSON boundary, so these inputs have exactly the shape of states stored before fingerprints.
        await harness.StartAsync(MerchantSeriesHarness.State(Daily(9), HourlyDunning, "rs-old-1"));
        await harness.StartAsync(MerchantSeriesHarness.State(Daily(15), HourlyDunning, "rs-old-2"));
        await RunAllToCompletionAsync(harness, "rs-old-1", "rs-old-2");

        Assert.Equal(20, BusiestThirtyDays(harness.ChargeTimesOf("rs-old-1")));
        Assert.Equal(20, BusiestThirtyDays(harness.ChargeTimesOf("rs-old-2")));
        Assert.Equal(0, harness.Host.CountActivityCalls(nameof(ReserveCardAttempt)));
    }

    private static SeriesSchedule Daily(int hour, int days = 151) =>
        new(DateOnly.FromDateTime(Start), RecurrenceFrequency.Daily, 1, CancellationDate: DateOnly.FromDateTime(Start.AddDays(days)), ChargeTimeOfDay: new TimeOnly(hour, 0));

    /// <summary>The most attempts in any closed 30-day window.</summary>
    private static int BusiestThirtyDays(IReadOnlyList<DateTime> attempts) =>
        attempts.Max(from => attempts.Count(t => t >= from && t <= from.AddDays(30)));

    /// <summary>Fires every timer in time order, so the series interleave as they would in production, until all have finished.</summary>
    private static async Task RunAllToCompletionAsync(MerchantSeriesHarness harness, params string[] seriesIds)
    {
        foreach (string seriesId in seriesIds)
        {
            await harness.Host.RunToCompletionAsync(seriesId);
        }
    }

    /// <summary>Reserves, then loses the first result on the way back, as when a worker dies after the write: the activity runs again.</summary>
    private sealed class ResultLosingStore(ICardAttemptStore inner) : ICardAttemptStore
    {
        private bool _lost;

        public async Task<bool> TryReserveAsync(string cardFingerprint, string attemptId, DateTime atUtc, int maxAttempts, CancellationToken cancellationToken)
        {
            bool granted = await inner.TryReserveAsync(cardFingerprint, attemptId, atUtc, maxAttempts, cancellationToken);
            if (!_lost)
            {
                _lost = true;
                throw new RequestFailedException(503, "The connection was closed before the response arrived.");
            }

            return granted;
        }

        public Task ReleaseAsync(string cardFingerprint, string attemptId, CancellationToken cancellationToken) =>
            inner.ReleaseAsync(cardFingerprint, attemptId, cancellationToken);
    }
}
