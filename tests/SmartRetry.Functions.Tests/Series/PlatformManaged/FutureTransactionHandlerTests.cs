using System.Net;
using Moq;
using SmartRetry.Functions.Series.PlatformManaged;
using SmartRetry.Functions.Shared.Durable;
using SmartRetry.Functions.Shared.Gateway;
using SmartRetry.Functions.Shared.Problems;
using SmartRetry.Functions.Shared.Series;
using SmartRetry.Testing.Storage;

namespace SmartRetry.Functions.Tests.Series.PlatformManaged;

[Collection(AzuriteTests.Name)]
public sealed class FutureTransactionHandlerTests(AzuriteFixture azurite)
{
    private readonly RecurringHandlerHarness _harness = new(azurite);

    [Fact]
    public async Task Future_transactions_are_listed_from_SmartRetry_s_recurring_status()
    {
        var series = await _harness.SeedAsync(SeriesManagement.OurPlatform, RecurringSeriesStatus.Active);
        var upcoming = new FutureTransactionSnapshot("FT000001", "RC000009", new DateOnly(2026, 12, 1), 2, 10m, "EUR", FutureTransactionStatus.Pending);
        _harness.SmartRetry.Setup(g => g.GetRecurringAsync("RC000009", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new RecurringSnapshot("RC000009", RecurringSeriesStatus.Active, SeriesManagement.OurPlatform, 1, 11, [upcoming], []));

        HandlerResult<FutureTransactionListView> result = await _harness.FutureTransactions.ListAsync(series.SeriesId, CancellationToken.None);

        Assert.Equal([upcoming], result.Body!.FutureTransactions);
    }

    [Fact]
    public async Task Charging_now_twice_sends_the_same_idempotency_key_so_SmartRetry_charges_once()
    {
        var series = await _harness.SeedAsync(SeriesManagement.OurPlatform, RecurringSeriesStatus.Active);
        var keys = new List<string>();
        _harness.SmartRetry.Setup(g => g.ChargeFutureTransactionAsync(It.IsAny<FutureTransactionCharge>(), It.IsAny<CancellationToken>()))
            .Callback((FutureTransactionCharge charge, CancellationToken _) => keys.Add(charge.IdempotencyKey))
            .ReturnsAsync(new SubmissionResult(true, "TX000050", "OR1"));

        HandlerResult<FutureTransactionResultView> first = await _harness.FutureTransactions.ChargeNowAsync(series.SeriesId, "FT000001", CancellationToken.None);
        await _harness.FutureTransactions.ChargeNowAsync(series.SeriesId, "FT000001", CancellationToken.None);

        Assert.Equal(new FutureTransactionResultView("FT000001", true, "TX000050"), first.Body);
        Assert.Equal(2, keys.Count);
        Assert.Equal(keys[0], keys[1]);
        Assert.Equal(IdempotencyKeys.Derive(series.SeriesId, "ft-charge-FT000001"), keys[0]);
    }

    [Fact]
    public async Task A_merchant_managed_series_has_no_future_transactions()
    {
        var series = await _harness.SeedAsync(SeriesManagement.Merchant, RecurringSeriesStatus.Active);

        HandlerResult<FutureTransactionListView> result = await _harness.FutureTransactions.ListAsync(series.SeriesId, CancellationToken.None);

        Assert.Equal((HttpStatusCode.Conflict, RecurringProblems.NotPlatformManaged), (result.StatusCode, result.Problem!.Type));
    }

    [Fact]
    public async Task SmartRetry_refusing_a_cancel_becomes_a_conflict_problem_not_an_error()
    {
        var series = await _harness.SeedAsync(SeriesManagement.OurPlatform, RecurringSeriesStatus.Active);
        _harness.SmartRetry.Setup(g => g.CancelFutureTransactionAsync(It.IsAny<string>(), "FT000001", "RC000009", It.IsAny<CancellationToken>()))
            .ThrowsAsync(new SmartRetryRejectedException(409, "FUTURE_TRANSACTION_ALREADY_EXECUTED", "already executed"));

        HandlerResult<FutureTransactionResultView> result = await _harness.FutureTransactions.CancelAsync(series.SeriesId, "FT000001", CancellationToken.None);

        Assert.Equal(HttpStatusCode.Conflict, result.StatusCode);
        Assert.Contains("FUTURE_TRANSACTION_ALREADY_EXECUTED", result.Problem!.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}", "")]
    [InlineData("{\"amount\": 0}", "/amount")]
    [InlineData("{\"scheduled_date\": \"2026-11-01\"}", "/scheduled_date")]
    public async Task An_invalid_update_names_the_field_and_never_reaches_SmartRetry(string json, string field)
    {
        var series = await _harness.SeedAsync(SeriesManagement.OurPlatform, RecurringSeriesStatus.Active);

        HandlerResult<FutureTransactionResultView> result = await _harness.FutureTransactions.UpdateAsync(series.SeriesId, "FT000001", System.Text.Encoding.UTF8.GetBytes(json), CancellationToken.None);

        Assert.Equal(HttpStatusCode.BadRequest, result.StatusCode);
        Assert.Contains(field, result.Problem!.Errors!.Keys);
        _harness.SmartRetry.VerifyNoOtherCalls();
    }
}
