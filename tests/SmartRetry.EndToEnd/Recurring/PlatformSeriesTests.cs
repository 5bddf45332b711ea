using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using SmartRetry.EndToEnd.Hosting;

namespace SmartRetry.EndToEnd.Recurring;

/// <summary>A series SmartRetry schedules: its future transactions listed, one updated, one charged now, one cancelled.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class PlatformSeriesTests(EndToEndApp app)
{
    [Fact]
    public async Task A_platform_series_future_transactions_are_listed_updated_charged_now_and_cancelled()
    {
        DateOnly first = DateOnly.FromDateTime((await app.Simulator.NowAsync()).UtcDateTime.AddDays(1));
        ApiResponse created = await app.Api.PostAsync("recurring", Requests.PlatformSeries(Requests.NewId("plat"), 12.00m, first));
        Assert.Equal(HttpStatusCode.Accepted, created.Status);
        string series = $"recurring/{created.Text("series_id")}";

        ApiResponse listed = await app.Api.PollAsync($"{series}/future-transactions",
            r => r.Status == HttpStatusCode.OK && Items(r).Count >= 3, EndToEndApp.Settles, "SmartRetry's future transactions");
        List<JsonNode> pending = Items(listed);
        string Id(JsonNode ft) => (ft["future_transaction_id"] ?? ft["id"])!.GetValue<string>();
        string toCharge = Id(pending[0]), toUpdate = Id(pending[1]), toCancel = Id(pending[2]);

        ApiResponse updated = await app.Api.PatchAsync($"{series}/future-transactions/{toUpdate}", """{"amount": 15.00}""");
        Assert.True(updated.Status == HttpStatusCode.OK, updated.ToString());
        ApiResponse charged = await app.Api.PostAsync($"{series}/future-transactions/{toCharge}/charge");
        Assert.True(charged.Status == HttpStatusCode.OK, charged.ToString());
        ApiResponse cancelled = await app.Api.PostAsync($"{series}/future-transactions/{toCancel}/cancel");
        Assert.True(cancelled.Status == HttpStatusCode.OK, cancelled.ToString());

        List<JsonNode> after = Items(await app.Api.GetAsync($"{series}/future-transactions"));
        JsonNode? Find(string id) => after.SingleOrDefault(ft => Id(ft) == id);
        Assert.Equal(15.00m, Find(toUpdate)!["amount"]!.GetValue<decimal>());
        Assert.NotEqual("pending", Find(toCancel)?["status"]?.GetValue<string>().ToLowerInvariant());
        Assert.NotEqual("pending", Find(toCharge)?["status"]?.GetValue<string>().ToLowerInvariant());

        ApiResponse cancelSeries = await app.Api.PostAsync($"{series}/cancel");
        Assert.Equal(HttpStatusCode.Accepted, cancelSeries.Status);
        Assert.Equal("cancelled", (await app.Api.PollAsync(series, r => r.Text("status") == "cancelled", EndToEndApp.Settles, "the series cancelled")).Text("status"));
    }

    [Fact]
    public async Task A_series_SmartRetry_refuses_at_set_up_ends_refused_with_the_reason()
    {
        // Our today is valid for the app; SmartRetry's clock is days ahead here, so it refuses the date as past.
        await app.Simulator.AdvanceAsync("""{"days":2}""");
        ApiResponse created = await app.Api.PostAsync("recurring", Requests.PlatformSeries(Requests.NewId("refused"), 9.00m, DateOnly.FromDateTime(DateTime.UtcNow)));
        Assert.Equal(HttpStatusCode.Accepted, created.Status);
        string series = $"recurring/{created.Text("series_id")}";

        ApiResponse refused = await app.Api.PollAsync(series, r => r.Body?["status"]?.GetValue<string>() != "active", EndToEndApp.Settles, "the series to leave active");
        Assert.Equal("refused", refused.Text("status"));
        Assert.Equal("INVALID_START_DATE", refused.Text("reason_code"));
        Assert.Contains("INVALID_START_DATE", refused.Text("note"), StringComparison.Ordinal);

        ApiResponse cancel = await app.Api.PostAsync($"{series}/cancel");
        Assert.Equal(HttpStatusCode.Conflict, cancel.Status);
        ApiResponse futureTransactions = await app.Api.GetAsync($"{series}/future-transactions");
        Assert.Equal(HttpStatusCode.Conflict, futureTransactions.Status);
        Assert.Contains("INVALID_START_DATE", futureTransactions.RawBody, StringComparison.Ordinal);
    }

    private static List<JsonNode> Items(ApiResponse response) => response.Body switch
    {
        JsonArray array => [.. array.Select(n => n!)],
        JsonObject o when o["future_transactions"] is JsonArray inner => [.. inner.Select(n => n!)],
        JsonObject o when o["items"] is JsonArray inner => [.. inner.Select(n => n!)],
        _ => [],
    };
}
