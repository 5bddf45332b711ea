using System.Globalization;
using System.Net;
using SmartRetry.EndToEnd.Hosting;

namespace SmartRetry.EndToEnd.Recurring;

/// <summary>
/// The README's monthly merchant-managed series in accelerated time (a day per second on both sides): charges on
/// their calendar dates, and cancel. Pause, resume and dunning are not here yet: in the real host a paused series went
/// on charging (the open issue says more), and a test that cannot pass would stop every landing.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class MerchantSeriesTests(EndToEndApp app) : IAsyncLifetime
{
    // A month of the series is about 31 s; each wait allows for two of them on a busy 2-core machine.
    private static readonly TimeSpan Months = TimeSpan.FromSeconds(100);

    public Task InitializeAsync() => app.Simulator.SetTimeFactorAsync(EndToEndApp.TimeScale);

    public Task DisposeAsync() => app.Simulator.SetTimeFactorAsync(EndToEndApp.SimulatorStartFactor);

    [Fact]
    public async Task A_monthly_series_charges_on_its_calendar_dates_and_is_cancelled_once()
    {
        // SmartRetry refuses a first payment date before its own today, and its clock runs ahead here: take tomorrow on it.
        DateOnly first = DateOnly.FromDateTime((await app.Simulator.NowAsync()).UtcDateTime.AddDays(1));
        ApiResponse created = await app.Api.PostAsync("recurring", Requests.MerchantSeries(Requests.NewId("sub"), 9.00m, first));
        Assert.Equal(HttpStatusCode.Accepted, created.Status);
        Assert.Equal("active", created.Text("status"));
        string seriesId = created.Text("series_id");
        string series = $"recurring/{seriesId}";

        ApiResponse init = await app.Api.WaitForPaymentAsync($"{seriesId}-init", Months, "approved");
        Assert.Equal(9.00m, init.Body!["amount"]!.GetValue<decimal>());

        ApiResponse second = await app.Api.WaitForPaymentAsync($"{seriesId}-c2-a1", Months, "approved", "declined");
        Assert.Equal("approved", second.Text("status"));
        Assert.StartsWith(first.AddMonths(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), second.Text("scheduled_at"), StringComparison.Ordinal);
        ApiResponse third = await app.Api.WaitForPaymentAsync($"{seriesId}-c3-a1", Months, "approved", "declined");
        Assert.Equal("approved", third.Text("status"));
        Assert.StartsWith(first.AddMonths(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), third.Text("scheduled_at"), StringComparison.Ordinal);

        // Cancel, twice: SmartRetry's series is cancelled once.
        const string CancelEndpoint = "POST /v1/payments/recurring/cancel/{terminal_friendly_id}";
        int cancelsBefore = await app.Simulator.CallsAsync(CancelEndpoint);
        ApiResponse cancelled = await app.Api.PostAsync($"{series}/cancel");
        Assert.Equal(HttpStatusCode.Accepted, cancelled.Status);
        Assert.Equal("cancelled", cancelled.Text("status"));
        Assert.Equal(HttpStatusCode.OK, (await app.Api.PostAsync($"{series}/cancel")).Status);
        await app.Simulator.PollAsync("_simulator/counters",
            r => r.Body!["endpoints"]?[CancelEndpoint]?.GetValue<int>() > cancelsBefore, Months, "SmartRetry's series to be cancelled");
        ApiResponse finished = await app.Api.PollAsync(series, r => r.Text("status") == "cancelled", Months, "the series to stay cancelled");
        Assert.Equal(cancelsBefore + 1, await app.Simulator.CallsAsync(CancelEndpoint));
        Assert.DoesNotContain(Requests.CardNumber, finished.RawBody, StringComparison.Ordinal);
    }
}
