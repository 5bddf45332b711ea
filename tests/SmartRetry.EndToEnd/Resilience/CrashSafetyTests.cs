using System.Diagnostics;
using System.Net;
using SmartRetry.EndToEnd.Hosting;
using Xunit.Abstractions;

namespace SmartRetry.EndToEnd.Resilience;

/// <summary>
/// The host killed (SIGKILL, whole process tree) with sales at every stage, then started again on the same storage:
/// every sale reaches its final status and SmartRetry charged each exactly once.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class CrashSafetyTests(EndToEndApp app, ITestOutputHelper output)
{
    private const int SalesWaiting = 10;
    private const int SalesInFlight = 10;

    /// <summary>
    /// A partition the killed host held is taken over once its lease expires (the Azure Storage provider's 30 s lease
    /// interval); the queue messages it had taken come back after the visibility timeout and are picked up within one
    /// polling interval; the rest is ordinary processing. The margin covers a busy 2-core machine.
    /// </summary>
    private static readonly TimeSpan RecoveryBound =
        TimeSpan.FromSeconds(30) + EndToEndApp.QueueVisibilityTimeout + EndToEndApp.MaxQueuePollingInterval + TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Sales_in_flight_when_the_host_is_killed_all_finish_once_after_a_restart()
    {
        // Stage 1: sales SmartRetry is processing, each waiting in its orchestration for the outcome.
        string[] waiting = [.. Enumerable.Range(0, SalesWaiting).Select(_ => Requests.NewId("crashw"))];
        ApiResponse[] waitingAnswers = await Task.WhenAll(waiting.Select(id => app.Api.PostAsync("payments/sale", Requests.Sale(id, 20.01m))));
        Assert.All(waitingAnswers, a => Assert.Equal(HttpStatusCode.Accepted, a.Status));
        Dictionary<string, string> payments = waiting.Zip(waitingAnswers).ToDictionary(p => p.First, p => p.Second.Text("payment_id"));
        foreach (string paymentId in payments.Values)
        {
            await app.Api.WaitForPaymentAsync(paymentId, TimeSpan.FromSeconds(90), "processing");
        }

        // Stage 2: sales still being accepted and submitted when the host dies.
        string[] inFlight = [.. Enumerable.Range(0, SalesInFlight).Select(_ => Requests.NewId("crashf"))];
        Task<ApiResponse>[] inFlightPosts = [.. inFlight.Select(id => app.Api.PostAsync("payments/sale", Requests.Sale(id, 20.00m)))];
        await app.Simulator.PollAsync("_simulator/transactions",
            r => r.Body!.AsArray().Any(t => inFlight.Contains(t!["merchant_transaction_id"]?.GetValue<string>())), TimeSpan.FromSeconds(60),
            "the first in-flight sale to reach SmartRetry");
        app.KillHost();
        foreach ((string id, Task<ApiResponse> post) in inFlight.Zip(inFlightPosts))
        {
            try
            {
                ApiResponse answer = await post;
                if (answer.Status == HttpStatusCode.Accepted)
                {
                    payments[id] = answer.Text("payment_id");
                }
            }
            catch (HttpRequestException)
            {
                // Cut off by the crash: the merchant retries it below, as any client would.
            }
        }

        output.WriteLine($"Killed with {payments.Count - SalesWaiting} of {SalesInFlight} in-flight sales accepted; SmartRetry had {(await app.Simulator.GetAsync("_simulator/transactions")).Body!.AsArray().Count(t => inFlight.Contains(t!["merchant_transaction_id"]?.GetValue<string>()))}.");
        await app.Simulator.AdvanceAsync("""{"seconds":120}""");

        var clock = Stopwatch.StartNew();
        await app.StartHostAsync();
        TimeSpan startUp = clock.Elapsed;
        foreach (string id in inFlight)
        {
            // The merchant's retry of a request the crash cut off, and a repeat of one that was answered: one payment each.
            ApiResponse retried = await app.Api.PostAsync("payments/sale", Requests.Sale(id, 20.00m));
            Assert.True(retried.Status == HttpStatusCode.Accepted, retried.ToString());
            Assert.True(!payments.TryGetValue(id, out string? earlier) || earlier == retried.Text("payment_id"), $"{id}: a second payment id after the restart");
            payments[id] = retried.Text("payment_id");
        }

        // Every sale is watched at once, so each one's time to its final status is its own.
        (string Id, ApiResponse Final, TimeSpan At)[] finals = await Task.WhenAll(payments.Select(async p =>
        {
            ApiResponse final = await app.Api.WaitForPaymentAsync(p.Value, RecoveryBound + RecoveryBound, "approved", "declined", "error", "needs_attention", "deadline_reached");
            return (p.Key, final, clock.Elapsed);
        }));
        foreach ((string id, ApiResponse final, _) in finals)
        {
            Assert.True(final.Text("status") == "approved", $"{id}: {final}");
        }

        TimeSpan recovered = finals.Max(f => f.At);
        TimeSpan Slowest(string prefix) => finals.Where(f => f.Id.StartsWith(prefix, StringComparison.Ordinal)).Max(f => f.At);
        output.WriteLine($"Host healthy {startUp.TotalSeconds:0.0} s after the restart began; all {payments.Count} sales final {recovered.TotalSeconds:0.0} s after it " +
            $"(waiting for their outcome: {Slowest("crashw").TotalSeconds:0.0} s; being submitted: {Slowest("crashf").TotalSeconds:0.0} s; bound {RecoveryBound.TotalSeconds:0} s after start-up).");
        Assert.True(recovered <= RecoveryBound + startUp, $"Recovery took {recovered.TotalSeconds:0.0} s; the local profile promises {RecoveryBound.TotalSeconds:0} s after start-up.");
        foreach (string id in payments.Keys)
        {
            Assert.True((await app.Simulator.TransactionsAsync(id)).Count == 1, $"{id} was charged {(await app.Simulator.TransactionsAsync(id)).Count} times.");
        }
    }
}
