using System.Diagnostics;
using System.Net;
using SmartRetry.EndToEnd.Hosting;
using Xunit.Abstractions;

namespace SmartRetry.EndToEnd.Resilience;

/// <summary>
/// SmartRetry answers 5xx to every call for 60 s, then processes every call and cuts the connection before answering
/// (the ambiguous failure: it charged, we never heard), while sales keep coming: every sale ends approved, and each is
/// charged exactly once, because every retry repeats its idempotency key.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class SmartRetryOutageTests(FaultsApp app, ITestOutputHelper output)
{
    private const int Sales = 8;
    private static readonly TimeSpan ServerErrors = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan DroppedConnections = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Sixty_seconds_of_5xx_then_dropped_connections_end_every_sale_approved_and_charged_once()
    {
        await app.Simulator.SetTimeFactorAsync(1);
        string[] ids = [.. Enumerable.Range(0, Sales).Select(_ => Requests.NewId("srdown"))];
        const string SaleCalls = "POST /v1/payments/sale/{terminal_friendly_id}";
        int callsBefore = await app.Simulator.CallsAsync(SaleCalls);

        await app.Simulator.PutAsync("_simulator/faults", """{"server_error_rate": 1.0}""");
        var clock = Stopwatch.StartNew();
        var payments = new Dictionary<string, string>();
        try
        {
            // Sales arrive over the outage, not only at its start.
            for (int i = 0; i < Sales; i++)
            {
                ApiResponse accepted = await app.Api.PostAsync("payments/sale", Requests.Sale(ids[i], 70.00m));
                Assert.Equal(HttpStatusCode.Accepted, accepted.Status);
                payments[ids[i]] = accepted.Text("payment_id");
                await WaitUntilAsync(clock, ServerErrors * (i + 1) / (Sales + 1));
            }

            await WaitUntilAsync(clock, ServerErrors);
            int refusedCalls = await app.Simulator.CallsAsync(SaleCalls) - callsBefore;
            Assert.True(refusedCalls >= Sales, $"SmartRetry was called {refusedCalls} times during the outage; every sale should have tried.");
            output.WriteLine($"5xx phase: {clock.Elapsed.TotalSeconds:0} s, {refusedCalls} sale calls answered 503.");

            await app.Simulator.PutAsync("_simulator/faults", """{"drop_connection_rate": 1.0}""");
            int dropsFrom = await app.Simulator.CallsAsync(SaleCalls);
            await WaitUntilAsync(clock, ServerErrors + DroppedConnections);
            output.WriteLine($"Dropped-connection phase: {DroppedConnections.TotalSeconds:0} s, {await app.Simulator.CallsAsync(SaleCalls) - dropsFrom} sale calls processed and cut off.");
        }
        finally
        {
            await app.Simulator.PutAsync("_simulator/faults", "{}");
        }

        TimeSpan faultsLifted = clock.Elapsed;
        (string Id, ApiResponse Final)[] finals = await Task.WhenAll(payments.Select(async p =>
            (p.Key, await app.Api.WaitForPaymentAsync(p.Value, TimeSpan.FromMinutes(6), AppClient.FinalStatuses))));
        TimeSpan allFinal = clock.Elapsed - faultsLifted;
        int[] charges = await Task.WhenAll(ids.Select(async id => (await app.Simulator.TransactionsAsync(id)).Count));
        output.WriteLine($"All {Sales} sales final {allFinal.TotalSeconds:0} s after SmartRetry recovered ({clock.Elapsed.TotalSeconds:0} s in all): " +
            string.Join(", ", finals.GroupBy(f => f.Final.Text("status")).Select(g => $"{g.Key} × {g.Count()}")) +
            $" ({finals.Count(f => f.Final.Body?["note"]?.GetValue<string>()?.StartsWith("Reconciler", StringComparison.Ordinal) == true)} settled by the reconciler)" +
            $"; SmartRetry calls in all {await app.Simulator.CallsAsync(SaleCalls) - callsBefore}; transactions per sale: {string.Join(",", charges.Distinct())}.");
        Assert.All(finals, f => Assert.True(f.Final.Text("status") == "approved", $"{f.Id}: {f.Final}"));
        Assert.All(charges, c => Assert.Equal(1, c));
    }

    // The fault lasts a set time: that is the scenario, so the test waits it out on a clock it reads, polling.
    private static async Task WaitUntilAsync(Stopwatch clock, TimeSpan at)
    {
        while (clock.Elapsed < at)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }
}
