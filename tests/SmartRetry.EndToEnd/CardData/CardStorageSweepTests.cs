using System.Net;
using SmartRetry.EndToEnd.Hosting;
using Xunit.Abstractions;

namespace SmartRetry.EndToEnd.CardData;

/// <summary>
/// Every byte an app keeps in storage (its tables, Durable's History and Instances, large-message blobs, queue
/// messages), read back and every sealed envelope in it opened with the app's key (<see cref="StorageSweep"/>): a card
/// is only ever in the card vault, only while a charge still needs it, and its CVV only until SmartRetry has answered.
/// Each test first runs the flows that hold a card (an immediate sale, a decline, a refusal, a future-dated sale that
/// fires and one that is cancelled, a refund, a series' set-up), so it never passes on an empty store.
/// </summary>
internal static class CardStorageSweep
{
    public static async Task<SweepReport> RunFlowsThenSweepAsync(EndToEndApp app, ITestOutputHelper output, bool waitForAllFinal)
    {
        await app.Simulator.SetTimeFactorAsync(1);
        var started = new List<string>();
        foreach (decimal amount in new[] { 95.00m, 95.30m, 95.40m, 95.01m })
        {
            ApiResponse sale = await app.Api.PostAsync("payments/sale", Requests.Sale(Requests.NewId("sweep"), amount));
            Assert.Equal(HttpStatusCode.Accepted, sale.Status);
            started.Add(sale.Text("payment_id"));
        }

        DateTimeOffset soon = DateTimeOffset.UtcNow.AddSeconds(8);
        string fires = (await app.Api.PostAsync("payments/sale", Requests.Sale(Requests.NewId("sweepf"), 95.00m, scheduledAt: soon))).Text("payment_id");
        string cancelled = (await app.Api.PostAsync("payments/sale", Requests.Sale(Requests.NewId("sweepc"), 95.00m, scheduledAt: DateTimeOffset.UtcNow.AddDays(3)))).Text("payment_id");
        Assert.Equal(HttpStatusCode.Accepted, (await app.Api.PostAsync($"payments/{cancelled}/cancel", """{"reason":"sweep"}""")).Status);
        started.AddRange([fires, cancelled]);
        await app.Api.WaitForPaymentAsync(started[0], EndToEndApp.Settles, "approved");
        string refund = (await app.Api.PostAsync($"payments/{started[0]}/refund", $$"""{"refund_id":"{{Requests.NewId("sweepr")}}","amount":5.00}""")).Text("payment_id");
        DateOnly first = DateOnly.FromDateTime((await app.Simulator.NowAsync()).UtcDateTime.AddDays(1));
        string series = (await app.Api.PostAsync("recurring", Requests.MerchantSeries(Requests.NewId("sweeps"), 9.00m, first, numberOfPayments: 2))).Text("series_id");
        await app.Simulator.AdvanceAsync("""{"seconds":120}""");

        foreach (string payment in started.Append(refund).Append($"{series}-init"))
        {
            await app.Api.WaitForPaymentAsync(payment, EndToEndApp.Settles + EndToEndApp.Settles, "approved", "declined", "error", "cancelled");
        }

        if (waitForAllFinal)
        {
            // Every payment the app ever took, those of the tests before this one included, is final before the sweep.
            await WaitForAllFinalAsync(app);
        }

        SweepReport report = await StorageSweep.RunAsync(app);
        output.WriteLine(report.ToString());
        foreach (HeldCardFound held in report.CardsHeld)
        {
            output.WriteLine($"  held: {held.Reference} ({(held.Card.HasCvv ? "with" : "without")} CVV), payment {(report.Statuses.TryGetValue(held.Reference, out var s) ? s.Status : "(a series)")}");
        }

        Assert.True(report.Rows > 0 && report.Statuses.Count >= started.Count, $"The sweep read too little: {report}");
        Assert.True(report.EnvelopesElsewhere.Count == 0, "Sealed cards outside the vault: " + string.Join("; ", report.EnvelopesElsewhere.Select(e => e.Where)));
        Assert.True(report.ClearCardNumbers.Count == 0, "Card numbers in the clear: " + string.Join("; ", report.ClearCardNumbers));
        foreach (HeldCardFound held in report.CardsHeld)
        {
            Assert.False(report.IsFinal(held.Reference), $"A card is still held for {held.Reference}, which is final.");
            Assert.False(held.Card.HasCvv && report.Statuses.TryGetValue(held.Reference, out var answered) && answered.TransactionId is not null,
                $"A CVV is still held for {held.Reference}, which SmartRetry has answered.");
        }

        return report;
    }

    private static async Task WaitForAllFinalAsync(EndToEndApp app)
    {
        DateTimeOffset deadline = DateTimeOffset.UtcNow + TimeSpan.FromMinutes(3);
        while (true)
        {
            SweepReport report = await StorageSweep.RunAsync(app);
            string[] open = [.. report.Statuses.Keys.Where(p => !report.IsFinal(p))];
            if (open.Length == 0)
            {
                return;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"Payments still not final: {string.Join(", ", open.Select(p => $"{p} {report.Statuses[p].Status}"))}");
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }
}

/// <summary>The main app once its other tests have run: a card is held only for a payment still in flight, and no CVV past SmartRetry's answer.</summary>
[Collection(EndToEndCollection.Name)]
[RunsLast]
public sealed class CardStorageSweepTests(EndToEndApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task No_card_is_kept_outside_the_vault_or_for_a_final_payment_and_no_cvv_after_SmartRetry_answered() =>
        await CardStorageSweep.RunFlowsThenSweepAsync(app, output, waitForAllFinal: false);
}

/// <summary>The faults app after its other tests, once every payment it took (through storage and SmartRetry outages) is final: nothing of any card is left.</summary>
[Collection(FaultsCollection.Name)]
[RunsLast]
public sealed class CardStorageSweepAfterFaultsTests(FaultsApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task Once_every_payment_is_final_no_card_and_no_cvv_is_anywhere_in_storage()
    {
        SweepReport report = await CardStorageSweep.RunFlowsThenSweepAsync(app, output, waitForAllFinal: true);

        Assert.Empty(report.CardsHeld);
    }
}
