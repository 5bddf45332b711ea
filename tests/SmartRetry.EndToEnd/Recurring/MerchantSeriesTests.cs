using System.Globalization;
using System.Net;
using SmartRetry.EndToEnd.Hosting;
using SmartRetry.EndToEnd.Telemetry;
using Xunit.Abstractions;

namespace SmartRetry.EndToEnd.Recurring;

/// <summary>
/// The walkthrough's monthly merchant-managed series (docs/http-api.md) in accelerated time (a day per second on both sides): charges on
/// their calendar dates, pause, resume with the months due while paused skipped, an amount change that a soft decline
/// meets and dunning re-attempts, and cancel; and the second month's charge exported in the series' one trace.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class MerchantSeriesTests(EndToEndApp app, ITestOutputHelper output) : IAsyncLifetime
{
    // A month of the series is about 31 s; each wait allows for two of them on a busy 2-core machine.
    private static readonly TimeSpan Months = TimeSpan.FromSeconds(100);

    public Task InitializeAsync() => app.Simulator.SetTimeFactorAsync(EndToEndApp.TimeScale);

    public Task DisposeAsync() => app.Simulator.SetTimeFactorAsync(EndToEndApp.SimulatorStartFactor);

    [Fact]
    public async Task A_monthly_series_charges_pauses_resumes_dunns_a_soft_decline_and_cancels()
    {
        // SmartRetry refuses a first payment date before its own today, and its clock runs ahead here: take tomorrow on it.
        DateOnly first = DateOnly.FromDateTime((await app.Simulator.NowAsync()).UtcDateTime.AddDays(1));
        ApiResponse created = await app.Api.PostAsync("recurring", Requests.MerchantSeries(Requests.NewId("sub"), 9.00m, first));
        Assert.Equal(HttpStatusCode.Accepted, created.Status);
        Assert.Equal("active", created.Text("status"));
        string seriesId = created.Text("series_id");
        string series = $"recurring/{seriesId}";

        TimeSpan lead = EndToEndApp.HostTimeUntil(first);
        ApiResponse init = await app.Api.WaitForPaymentAsync($"{seriesId}-init", lead + Months, "approved");
        Assert.Equal(9.00m, init.Body!["amount"]!.GetValue<decimal>());

        ApiResponse second = await app.Api.WaitForPaymentAsync($"{seriesId}-c2-a1", lead + Months, "approved", "declined");
        Assert.Equal("approved", second.Text("status"));
        Assert.StartsWith(first.AddMonths(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), second.Text("scheduled_at"), StringComparison.Ordinal);

        // What that month's charge cost the engine: reserve the card's slot, charge (SmartRetry answers PROCESSING), wait
        // raced with a poll timer, release the slot, record. Under the local time scale the 30 s first poll is a fraction
        // of a millisecond: its timer fires during the cycle, and may beat the webhook (then a status read is a fifth activity).
        DurableHistory cycle = await DurableHistory.ReadCompletedAsync(app, $"{seriesId}-c2", EndToEndApp.Settles);
        output.WriteLine(cycle.ToString());
        Assert.InRange(cycle.Count("TaskScheduled"), 4, 5);
        Assert.Equal(1, cycle.Count("TimerCreated"));
        Assert.True(cycle.Total <= 31, $"A recurring charge should cost at most 31 history events here (docs/performance.md); {cycle}");

        // A month later, the charge is still in the trace of the request that set the series up: timers keep the trace.
        IReadOnlyList<ExportedSpan> trace = await Traces.WaitForAsync(
            app.Telemetry,
            "MerchantRecurringSeriesWorkflow",
            seriesId,
            t => t.Any(s => s.Name == "SmartRetry Recurring.Init")
                && t.Any(s => s.Name == "SmartRetry Recurring.Charge")
                && t.Any(s => s.Name == "function RecordRecurringCharge"),
            EndToEndApp.Settles,
            $"series {seriesId}'s trace up to its second month's charge");
        Assert.Contains(trace, s => s.Kind == 2 && s.Attribute("url.path") == "/api/recurring");
        Assert.Contains(trace, s => s.Name == "function RecurringChargeCycleWorkflow");
        ExportedSpan chargeActivity = Traces.One(trace, s => s.Name == "function ChargeRecurring", "the charge activity");
        Assert.Equal(chargeActivity.SpanId, Traces.One(trace, s => s.Name == "SmartRetry Recurring.Charge", "the SmartRetry charge call").ParentSpanId);

        // The series records a month after that month's charge is on the ledger; pause once it has.
        int lastBeforePause = (await app.Api.PollAsync(series, r => r.Body?["last_sequence"]?.GetValue<int>() >= 2, EndToEndApp.Settles, "the series to record its second month"))
            .Body!["last_sequence"]!.GetValue<int>();

        // Pause; let two months of the series pass; resume: the months due while paused are skipped, not charged.
        ApiResponse paused = await app.Api.PostAsync($"{series}/pause");
        Assert.Equal(HttpStatusCode.Accepted, paused.Status);
        Assert.Equal("paused", paused.Text("status"));
        DateTimeOffset pausedAt = await app.Simulator.NowAsync();
        await app.Simulator.PollAsync("_simulator/clock",
            r => DateTimeOffset.Parse(r.Text("now"), CultureInfo.InvariantCulture) > pausedAt.AddDays(65), Months, "two months to pass while paused");
        Assert.Equal(lastBeforePause, (await app.Api.GetAsync(series)).Body!["last_sequence"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NotFound, (await app.Api.GetAsync($"payments/{seriesId}-c{lastBeforePause + 1}-a1")).Status);

        ApiResponse resumed = await app.Api.PostAsync($"{series}/resume");
        Assert.Equal(HttpStatusCode.Accepted, resumed.Status);
        ApiResponse afterResume = await app.Api.PollAsync(series,
            r => r.Body?["last_sequence"]?.GetValue<int>() > lastBeforePause, Months, "the first charge after resuming");
        int resumedAt = afterResume.Body!["last_sequence"]!.GetValue<int>();
        Assert.True(resumedAt >= lastBeforePause + 3, $"Charged sequence {resumedAt} right after resuming; sequences due while paused were not skipped (paused after {lastBeforePause}).");
        for (int skipped = lastBeforePause + 1; skipped < resumedAt; skipped++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await app.Api.GetAsync($"payments/{seriesId}-c{skipped}-a1")).Status);
        }

        // cents .20: a soft decline SmartRetry cannot recover; our dunning re-attempts it (a2 … a4).
        ApiResponse updated = await app.Api.PatchAsync(series, """{"amount": 9.20}""");
        Assert.Equal(HttpStatusCode.Accepted, updated.Status);
        int lastBeforeUpdate = (await app.Api.GetAsync(series)).Body!["last_sequence"]!.GetValue<int>();
        string? dunned = null;
        DateTimeOffset deadline = DateTimeOffset.UtcNow + Months + Months;
        while (dunned is null)
        {
            foreach (int sequence in new[] { lastBeforeUpdate + 1, lastBeforeUpdate + 2 })
            {
                ApiResponse attempt = await app.Api.GetAsync($"payments/{seriesId}-c{sequence}-a4");
                if (attempt.Status == HttpStatusCode.OK && attempt.Text("status") == "declined")
                {
                    dunned = $"{seriesId}-c{sequence}";
                }
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, "No soft-declined charge was dunned to its fourth attempt in time.");
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        for (int attempt = 1; attempt <= 4; attempt++)
        {
            ApiResponse row = await app.Api.GetAsync($"payments/{dunned}-a{attempt}");
            Assert.Equal("declined", row.Text("status"));
            Assert.Equal(9.20m, row.Body!["amount"]!.GetValue<decimal>());
        }

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
