using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using SmartRetry.EndToEnd.Hosting;
using Xunit.Abstractions;

namespace SmartRetry.EndToEnd.Resilience;

/// <summary>
/// A corpus of malformed requests (<see cref="BadInputCorpus"/>) sent through the host to every route that takes a
/// body and to the webhook: none may be answered with a 5xx, every refusal is RFC 9457 problem details, and none may
/// start or change a payment.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class BadInputTests(EndToEndApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task Hundreds_of_malformed_requests_get_problem_details_never_a_5xx_and_start_nothing()
    {
        await app.Simulator.SetTimeFactorAsync(1);
        ApiResponse sale = await app.Api.PostAsync("payments/sale", Requests.Sale(Requests.NewId("target"), 30.00m));
        string saleId = sale.Text("payment_id");
        await app.Api.WaitForPaymentAsync(saleId, EndToEndApp.Settles, "approved");
        DateOnly first = DateOnly.FromDateTime((await app.Simulator.NowAsync()).UtcDateTime.AddDays(1));
        ApiResponse series = await app.Api.PostAsync("recurring", Requests.MerchantSeries(Requests.NewId("target"), 7.00m, first, numberOfPayments: 3));
        string seriesId = series.Text("series_id");
        await app.Api.WaitForPaymentAsync($"{seriesId}-init", EndToEndApp.Settles, "approved");
        string runId = Requests.NewId("corpus");
        int refundCallsBefore = await app.Simulator.CallsAsync($"POST /v1/payments/refund/{{terminal_friendly_id}}");

        IReadOnlyList<BadRequest> corpus = new BadInputCorpus(runId, saleId, seriesId, EndToEndApp.WebhookSecret).Build();
        var answers = new List<(BadRequest Request, ApiResponse Answer, TimeSpan Took)>();
        foreach (BadRequest request in corpus)
        {
            var clock = Stopwatch.StartNew();
            ApiResponse answer = await app.Api.SendBytesAsync(request.Method, request.Path, request.Body, request.ContentType, request.Headers);
            answers.Add((request, answer, clock.Elapsed));
        }

        output.WriteLine($"{corpus.Count} malformed requests over {corpus.Select(r => $"{r.Method} {RouteOf(r.Path)}").Distinct().Count()} routes; answers: " +
            string.Join(", ", answers.GroupBy(a => (int)a.Answer.Status).OrderBy(g => g.Key).Select(g => $"{g.Key} × {g.Count()}")) +
            $"; slowest {answers.Max(a => a.Took).TotalMilliseconds:0} ms.");
        foreach (IGrouping<string, (BadRequest Request, ApiResponse Answer, TimeSpan Took)> route in answers.GroupBy(a => $"{a.Request.Method} {RouteOf(a.Request.Path)}"))
        {
            output.WriteLine($"  {route.Key}: {route.Count()} ({string.Join(", ", route.GroupBy(a => (int)a.Answer.Status).OrderBy(g => g.Key).Select(g => $"{g.Key} × {g.Count()}"))})");
        }

        Assert.True(corpus.Count >= 300, $"Only {corpus.Count} requests in the corpus.");
        string[] wrong = [.. answers
            .Where(a => (int)a.Answer.Status is < 400 or >= 500
                || a.Answer.ContentType != "application/problem+json"
                || a.Answer.Body?["status"]?.GetValue<int>() != (int)a.Answer.Status
                || a.Answer.Body?["type"]?.GetValue<string>() is not { Length: > 0 })
            .Select(a => $"{a.Request} → {(int)a.Answer.Status} {a.Answer.ContentType}: {Shorten(a.Answer.RawBody)}")];
        Assert.True(wrong.Length == 0, $"{wrong.Length} answers were not a 4xx with problem details:{Environment.NewLine}{string.Join(Environment.NewLine, wrong)}");

        // Nothing started or changed: no payment or series under any key the corpus carried, nothing at SmartRetry.
        foreach (BadRequest request in corpus.Where(r => r.MerchantKey is not null).DistinctBy(r => r.MerchantKey))
        {
            string path = request.IsSeries ? $"recurring/rs-{Hash(request.MerchantKey!)}" : $"payments/sale-{Hash(request.MerchantKey!)}";
            Assert.True((await app.Api.GetAsync(path)).Status == HttpStatusCode.NotFound, $"{request} left something at {path}.");
        }

        ApiResponse transactions = await app.Simulator.GetAsync("_simulator/transactions");
        Assert.DoesNotContain(transactions.Body!.AsArray(), t => t!["merchant_transaction_id"]?.GetValue<string>()?.StartsWith(runId, StringComparison.Ordinal) == true);
        Assert.Equal(0m, (await app.Api.GetAsync($"payments/{saleId}")).Body!["refunds_reserved"]!.GetValue<decimal>());
        Assert.Equal(refundCallsBefore, await app.Simulator.CallsAsync($"POST /v1/payments/refund/{{terminal_friendly_id}}"));
        ApiResponse seriesAfter = await app.Api.GetAsync($"recurring/{seriesId}");
        Assert.Equal(7.00m, seriesAfter.Body!["amount"]!.GetValue<decimal>());
        Assert.Equal("active", seriesAfter.Text("status"));
    }

    // The app's ids: a prefix and 32 hex digits of the key's SHA-256 (docs/architecture.md).
    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];

    private static string RouteOf(string path) => System.Text.RegularExpressions.Regex.Replace(path, "(sale|rs|refund)-[0-9a-f]{32}", "{id}");

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
