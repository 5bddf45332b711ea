using System.Diagnostics;
using System.Net;
using SmartRetry.EndToEnd.Hosting;
using Xunit.Abstractions;

namespace SmartRetry.EndToEnd.Reconciliation;

/// <summary>
/// An operator terminates a payment's orchestration (from the portal, Durable Functions Monitor or the host's HTTP
/// API) while its ledger row is not final: the reconciler picks it up on its own and settles it.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class TerminatedWorkflowTests(EndToEndApp app, ITestOutputHelper output)
{
    /// <summary>How often the SmartRetry client tries one call (SmartRetry:Retry:MaxAttempts' default).</summary>
    private const int ClientAttempts = 5;

    /// <summary>The reconciler's first look at a payment is this long after it was scheduled; then its looks come every 2 s.</summary>
    private static readonly TimeSpan FirstLook = EndToEndApp.ReconcilerFirstCheckAfter + EndToEndApp.Settles;

    /// <summary>SmartRetry has the transaction and approves it silently: the reconciler's status read settles the sale.</summary>
    [Fact]
    public async Task A_sale_whose_orchestration_was_terminated_while_SmartRetry_processed_it_is_settled_from_SmartRetrys_status()
    {
        await app.Simulator.SetTimeFactorAsync(1);
        string id = Requests.NewId("term");
        string paymentId = (await app.Api.PostAsync("payments/sale", Requests.Sale(id, 90.01m))).Text("payment_id");
        ApiResponse processing = await app.Api.WaitForPaymentAsync(paymentId, EndToEndApp.Settles, "processing");
        var clock = Stopwatch.StartNew();

        await app.TerminateInstanceAsync(paymentId, "operator: stuck sale");
        await app.Api.WaitForOrchestrationAsync(paymentId, "terminated", EndToEndApp.Settles);
        Assert.Equal(HttpStatusCode.OK, (await app.Simulator.PostAsync($"_simulator/transactions/{processing.Text("transaction_id")}/resolve", """{"outcome":"approved","notify":false}""")).Status);

        ApiResponse approved = await app.Api.WaitForPaymentAsync(paymentId, FirstLook, "approved");
        output.WriteLine($"Terminated while processing; settled {clock.Elapsed.TotalSeconds:0} s later (first look {EndToEndApp.ReconcilerFirstCheckAfter.TotalSeconds:0} s after scheduling): {approved.Text("note")}");
        Assert.StartsWith("Reconciler: settled from SmartRetry's status", approved.Text("note"), StringComparison.Ordinal);
        Assert.Equal("terminated", approved.Body!["workflow"]!["runtime_status"]!.GetValue<string>());
        Assert.Single(await app.Simulator.TransactionsAsync(id));
    }

    /// <summary>
    /// SmartRetry answered nothing (503) and the orchestration was terminated while it waited to try again: whether
    /// the sale was taken is unknown, so the reconciler starts the sale's own orchestration again, which repeats the call
    /// under the same idempotency key with the card still held, and the sale is charged once.
    /// </summary>
    [Fact]
    public async Task A_sale_terminated_before_SmartRetry_answered_is_submitted_again_under_its_key_and_charged_once()
    {
        await app.Simulator.SetTimeFactorAsync(1);
        string id = Requests.NewId("termsub");
        const string SaleCalls = "POST /v1/payments/sale/{terminal_friendly_id}";
        int callsBefore = await app.Simulator.CallsAsync(SaleCalls);
        string paymentId;
        await app.Simulator.PutAsync("_simulator/faults", """{"server_error_rate": 1.0}""");
        try
        {
            paymentId = (await app.Api.PostAsync("payments/sale", Requests.Sale(id, 90.00m))).Text("payment_id");
            // The first activity attempt is over once the client's five tries were refused; its retry waits 15 s on a
            // durable timer, and the orchestration is terminated meanwhile, with no call of it in flight.
            await app.Simulator.PollAsync("_simulator/counters", r => r.Body?["endpoints"]?[SaleCalls]?.GetValue<int>() >= callsBefore + ClientAttempts, EndToEndApp.Settles, "the submit activity's first attempt to be refused");
            await app.TerminateInstanceAsync(paymentId, "operator: SmartRetry is down");
            await app.Api.WaitForOrchestrationAsync(paymentId, "terminated", EndToEndApp.Settles);
        }
        finally
        {
            await app.Simulator.PutAsync("_simulator/faults", "{}");
        }

        Assert.Empty(await app.Simulator.TransactionsAsync(id));
        var clock = Stopwatch.StartNew();
        await app.Api.WaitForPaymentAsync(paymentId, FirstLook + EndToEndApp.Settles, "approved");
        output.WriteLine($"Terminated before SmartRetry answered; resubmitted by the reconciler and approved {clock.Elapsed.TotalSeconds:0} s later; SmartRetry sale calls {await app.Simulator.CallsAsync(SaleCalls) - callsBefore}.");
        Assert.Single(await app.Simulator.TransactionsAsync(id));
        await app.Api.WaitForOrchestrationAsync(paymentId, "completed", EndToEndApp.Settles);
    }
}
