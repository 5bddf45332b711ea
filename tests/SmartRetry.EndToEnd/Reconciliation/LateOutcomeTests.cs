using System.Diagnostics;
using System.Net;
using SmartRetry.EndToEnd.Hosting;
using Xunit.Abstractions;

namespace SmartRetry.EndToEnd.Reconciliation;

/// <summary>
/// Outcomes that arrive after the app stopped waiting, and payments the app could not resolve, are settled: by the
/// late webhook (confirmed with a status read) and by the reconciler on its own.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class LateOutcomeTests(FaultsApp app, ITestOutputHelper output)
{
    /// <summary>
    /// SmartRetry takes two of its minutes over the sale; the app's deadline is one: the sale ends deadline_reached.
    /// SmartRetry then approves it and says so by webhook, which the app answers as news for the reconciler.
    /// </summary>
    [Fact]
    public async Task A_sale_that_ended_deadline_reached_becomes_approved_when_SmartRetry_approves_it_later()
    {
        await app.Simulator.SetTimeFactorAsync(1);
        string id = Requests.NewId("late");
        ApiResponse accepted = await app.Api.PostAsync("payments/sale", Requests.Sale(id, 80.01m));
        Assert.Equal(HttpStatusCode.Accepted, accepted.Status);
        string paymentId = accepted.Text("payment_id");

        await app.Api.WaitForPaymentAsync(paymentId, FaultsApp.TrackingDeadline + EndToEndApp.Settles, "deadline_reached");
        ApiResponse unresolved = await app.Api.WaitForOrchestrationAsync(paymentId, "completed", EndToEndApp.Settles);
        Assert.Equal("deadline_reached", unresolved.Text("status"));

        var clock = Stopwatch.StartNew();
        await app.Simulator.AdvanceAsync("""{"seconds":120}""");
        ApiResponse approved = await app.Api.WaitForPaymentAsync(paymentId, EndToEndApp.Settles, "approved");
        TimeSpan settled = clock.Elapsed;

        var webhook = (await app.Simulator.WebhooksAsync(w => w["type"]?.GetValue<string>() == "transaction.approved"
            && w["payload"]?["data"]?["transaction_id"]?.GetValue<string>() == approved.Text("transaction_id"))).Single();
        output.WriteLine($"Deadline reached after {FaultsApp.TrackingDeadline.TotalSeconds:0} s; SmartRetry's late approval settled it {settled.TotalSeconds:0.0} s after it was sent. Webhook deliveries: {webhook["deliveries"]!.ToJsonString()}");
        Assert.Contains(webhook["deliveries"]!.AsArray(), d => d!["status_code"]?.GetValue<int>() == 200);
        Assert.StartsWith("Reconciler: settled from SmartRetry's status", approved.Text("note"), StringComparison.Ordinal);
        Assert.Equal("AUTH.APPROVED", approved.Text("reason_code"));
        Assert.Single(await app.Simulator.TransactionsAsync(id));
    }

    /// <summary>SmartRetry reports the sale UNKNOWN, so it ends needs_attention; SmartRetry settles it later, without a webhook: the reconciler's own look finds it.</summary>
    [Fact]
    public async Task A_needs_attention_sale_is_settled_by_the_reconciler_once_SmartRetry_knows_its_outcome()
    {
        await app.Simulator.SetTimeFactorAsync(1);
        string id = Requests.NewId("unknown");
        ApiResponse accepted = await app.Api.PostAsync("payments/sale", Requests.Sale(id, 80.03m));
        string paymentId = accepted.Text("payment_id");

        await app.Api.WaitForPaymentAsync(paymentId, EndToEndApp.Settles + EndToEndApp.Settles, "needs_attention");
        ApiResponse watched = await app.Api.PollAsync($"payments/{paymentId}",
            r => r.Body?["reconciliation"]?["attempts"]?.GetValue<int>() >= 1, EndToEndApp.Settles, "the reconciler's first look");
        output.WriteLine($"While SmartRetry still says UNKNOWN: {watched.Body!["reconciliation"]!.ToJsonString()}");
        Assert.Equal("needs_attention", watched.Text("status"));

        string transactionId = watched.Text("transaction_id");
        var clock = Stopwatch.StartNew();
        ApiResponse resolved = await app.Simulator.PostAsync($"_simulator/transactions/{transactionId}/resolve", """{"outcome":"approved","notify":false}""");
        Assert.Equal(HttpStatusCode.OK, resolved.Status);

        ApiResponse approved = await app.Api.WaitForPaymentAsync(paymentId, EndToEndApp.Settles, "approved");
        output.WriteLine($"Settled {clock.Elapsed.TotalSeconds:0.0} s after SmartRetry resolved it, by the reconciler's backoff alone: {approved.Text("note")}");
        Assert.StartsWith("Reconciler: settled from SmartRetry's status", approved.Text("note"), StringComparison.Ordinal);
        Assert.Null(approved.Body!["reconciliation"]);
    }
}
