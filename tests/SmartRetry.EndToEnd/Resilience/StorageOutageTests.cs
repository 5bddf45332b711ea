using System.Diagnostics;
using System.Net;
using SmartRetry.EndToEnd.Hosting;
using Xunit.Abstractions;

namespace SmartRetry.EndToEnd.Resilience;

/// <summary>
/// The app's storage stops answering (Azurite frozen with SIGSTOP, not killed: connections are accepted and hang, as
/// storage that is overloaded or cut off does) for 30 s while sales are in flight and new requests keep arriving.
/// Every request gets an answer within the stated bound, none a 500; a 503 carries problem details and
/// <c>Retry-After</c>; repeating what was refused completes it; afterwards every sale is approved, each charged once.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class StorageOutageTests(FaultsApp app, ITestOutputHelper output)
{
    private const int SalesInFlight = 6;
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);

    /// <summary>
    /// What a request waits on storage that does not answer: three tries of Payments:Storage:TryTimeout (3 s) and the
    /// SDK's backoff, or a Durable client call's 8 s; the margin covers a busy 2-core machine.
    /// </summary>
    private static readonly TimeSpan AnswerBound = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_30_second_storage_pause_with_sales_in_flight_answers_every_request_in_time_without_a_500_and_charges_each_sale_once()
    {
        await app.Simulator.SetTimeFactorAsync(1);
        var sales = new Dictionary<string, string>();
        foreach (string id in Enumerable.Range(0, SalesInFlight).Select(_ => Requests.NewId("store")))
        {
            ApiResponse accepted = await app.Api.PostAsync("payments/sale", Requests.Sale(id, 60.01m));
            Assert.Equal(HttpStatusCode.Accepted, accepted.Status);
            sales[id] = accepted.Text("payment_id");
        }

        foreach (string paymentId in sales.Values)
        {
            await app.Api.WaitForPaymentAsync(paymentId, EndToEndApp.Settles, "processing");
        }

        // The outage: new sales and status reads keep coming, each with a client that gives up after 20 s.
        var during = new List<(string What, HttpStatusCode? Status, TimeSpan Took, ApiResponse? Answer)>();
        var refused = new List<string>();
        using var patient = new AppClient(app.Api.BaseAddress);
        app.PauseStorage();
        var outage = Stopwatch.StartNew();
        try
        {
            for (int i = 0; outage.Elapsed < Outage; i++)
            {
                string newSale = Requests.NewId("storenew");
                Task<(string, HttpStatusCode?, TimeSpan, ApiResponse?)> post = TimedAsync("sale", () => patient.PostAsync("payments/sale", Requests.Sale(newSale, 61.00m)));
                Task<(string, HttpStatusCode?, TimeSpan, ApiResponse?)> read = TimedAsync("status", () => patient.GetAsync($"payments/{sales.Values.ElementAt(i % SalesInFlight)}"));
                var answered = await Task.WhenAll(post, read);
                during.AddRange(answered);
                if (answered[0].Item2 != HttpStatusCode.Accepted)
                {
                    refused.Add(newSale);
                }
                else
                {
                    sales[newSale] = answered[0].Item4!.Text("payment_id");
                }
            }
        }
        finally
        {
            app.ResumeStorage();
        }

        TimeSpan paused = outage.Elapsed;
        output.WriteLine($"Storage paused {paused.TotalSeconds:0} s with {SalesInFlight} sales in flight; {during.Count} requests meanwhile: " +
            string.Join(", ", during.GroupBy(d => d.Status is { } s ? ((int)s).ToString(System.Globalization.CultureInfo.InvariantCulture) : "no answer").Select(g => $"{g.Key} × {g.Count()}")) +
            $"; slowest answer {during.Max(d => d.Took).TotalSeconds:0.0} s.");
        Assert.True(during.Count >= 4, $"Only {during.Count} requests were made during the outage.");
        Assert.All(during, d =>
        {
            Assert.True(d.Status is not null, $"A {d.What} request got no answer within 20 s.");
            Assert.True(d.Status is HttpStatusCode.ServiceUnavailable or < HttpStatusCode.InternalServerError, $"A {d.What} request was answered {(int)d.Status!}.");
            Assert.True(d.Took <= AnswerBound, $"A {d.What} request took {d.Took.TotalSeconds:0.0} s; the bound is {AnswerBound.TotalSeconds:0} s.");
            if (d.Status == HttpStatusCode.ServiceUnavailable)
            {
                Assert.Equal("application/problem+json", d.Answer!.ContentType);
                Assert.Equal("/problems/temporarily-unavailable", d.Answer.Text("type"));
                Assert.True(d.Answer.Headers.RetryAfter?.Delta > TimeSpan.Zero, "A 503 without Retry-After.");
            }
        });

        // The merchant repeats every sale that was refused: each completes now, as one payment.
        var recovery = Stopwatch.StartNew();
        foreach (string id in refused)
        {
            // A refused request's claim or rows may land once storage answers again (the SDK had sent them); a repeat
            // then meets "in progress" until the claim's lease (1 min) lapses, and is carried out after.
            ApiResponse retried = await JsonHttp.RepeatUntilAsync(
                () => app.Api.PostAsync("payments/sale", Requests.Sale(id, 61.00m)), r => r.Status == HttpStatusCode.Accepted, TimeSpan.FromMinutes(2), $"sale {id} to be accepted on repeat");
            sales[id] = retried.Text("payment_id");
        }

        await app.Simulator.AdvanceAsync("""{"seconds":120}""");
        (string Id, ApiResponse Final)[] finals = await Task.WhenAll(sales.Select(async s =>
            (s.Key, await app.Api.WaitForPaymentAsync(s.Value, TimeSpan.FromMinutes(4), AppClient.FinalStatuses))));
        TimeSpan allFinal = recovery.Elapsed;
        int[] charges = await Task.WhenAll(sales.Keys.Select(async id => (await app.Simulator.TransactionsAsync(id)).Count));
        output.WriteLine($"After the outage: {refused.Count} refused sales repeated and accepted; all {sales.Count} sales final {allFinal.TotalSeconds:0.0} s after storage came back: " +
            string.Join(", ", finals.GroupBy(f => f.Final.Text("status")).Select(g => $"{g.Key} × {g.Count()}")) +
            $" ({finals.Count(f => f.Final.Body?["note"]?.GetValue<string>()?.StartsWith("Reconciler", StringComparison.Ordinal) == true)} of them past their deadline and settled by the reconciler)" +
            $"; SmartRetry charges per sale: {string.Join(",", charges.Distinct())}.");
        Assert.All(finals, f => Assert.True(f.Final.Text("status") == "approved", $"{f.Id}: {f.Final}"));
        Assert.All(charges, c => Assert.Equal(1, c));
    }

    private static async Task<(string What, HttpStatusCode? Status, TimeSpan Took, ApiResponse? Answer)> TimedAsync(string what, Func<Task<ApiResponse>> call)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            ApiResponse answer = await call().WaitAsync(TimeSpan.FromSeconds(20));
            return (what, answer.Status, clock.Elapsed, answer);
        }
        catch (TimeoutException)
        {
            return (what, null, clock.Elapsed, null);
        }
    }
}
