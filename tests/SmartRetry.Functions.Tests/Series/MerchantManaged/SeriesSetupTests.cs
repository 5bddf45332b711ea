using Moq;
using SmartRetry.Functions.Series.MerchantManaged;
using SmartRetry.Functions.Shared.Cards;
using SmartRetry.Functions.Shared.Durable;
using SmartRetry.Functions.Shared.Gateway;
using SmartRetry.Functions.Shared.Series;

namespace SmartRetry.Functions.Tests.Series.MerchantManaged;

public sealed class SeriesSetupTests
{
    private static readonly DateTime Start = new(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly SeriesSetup Setup = new(new PayerDetails("Jane", "Doe", "jane@example.com")) { Card = new SealedCard("k1", "c2VhbGVk") };

    [Fact]
    public async Task The_first_generation_creates_the_series_and_no_later_generation_carries_the_card()
    {
        var harness = new MerchantSeriesHarness(Start);
        var inits = new List<InitRecurringRequest>();
        harness.Host.RegisterActivity<InitRecurringRequest, InitRecurringResult>(nameof(InitRecurring), request =>
        {
            inits.Add(request);
            return new InitRecurringResult(true, "RC000077", "TX000001");
        });
        var schedule = new SeriesSchedule(new DateOnly(2030, 1, 1), RecurrenceFrequency.Monthly, 1, NumberOfPayments: 3);

        await harness.StartAsync(MerchantSeriesHarness.State(schedule) with { RecurringId = null, Setup = Setup });
        await harness.Host.RunToCompletionAsync(MerchantSeriesHarness.SeriesId);

        InitRecurringRequest init = Assert.Single(inits);
        Assert.Equal(IdempotencyKeys.Derive(MerchantSeriesHarness.SeriesId, "recurring-init"), init.IdempotencyKey);
        // recurring_init charged occurrence 1; the orchestration charges 2 and 3.
        Assert.Equal([new DateTime(2030, 2, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2030, 3, 1, 0, 0, 0, DateTimeKind.Utc)], harness.ChargeTimes);
        Assert.All(harness.SmartRetry.Charges, c => Assert.Equal("RC000077", c.RecurringId));
        Assert.All(harness.Series.Generations.Skip(1), g => Assert.DoesNotContain("c2VhbGVk", g.InputJson, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_declined_first_payment_ends_the_series_without_charging()
    {
        var harness = new MerchantSeriesHarness(Start);
        harness.Host.RegisterActivity<InitRecurringRequest, InitRecurringResult>(nameof(InitRecurring), _ => new InitRecurringResult(false, null, "TX000001"));

        await harness.StartAsync(MerchantSeriesHarness.State(new SeriesSchedule(new DateOnly(2030, 1, 1), RecurrenceFrequency.Monthly, 1)) with { RecurringId = null, Setup = Setup });

        Assert.Equal(RecurringSeriesStatus.Cancelled, harness.Series.ReadOutput<MerchantSeriesResult>().Status);
        Assert.Empty(harness.ChargeTimes);
        Assert.Empty(harness.Host.PendingTimers);
    }
}
