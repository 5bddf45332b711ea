using System.Net;
using System.Text;
using SmartRetry.EndToEnd.Hosting;
using SmartRetry.Simulator.Webhooks;

namespace SmartRetry.EndToEnd.Telemetry;

/// <summary>The counters an operator alerts on move when money moves, as exported by the app in the real host.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class PaymentMetricsTests(EndToEndApp app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.Simulator.SetTimeFactorAsync(1);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Approvals_declines_SmartRetry_calls_and_rejected_webhooks_are_counted()
    {
        // Metrics are cumulative: read each series before, then wait until the app's exports have moved past it.
        double approvedBefore = app.Telemetry.Total("smartretry.payments", ("payment.kind", "sale"), ("payment.status", "approved"));
        double declinedBefore = app.Telemetry.Total("smartretry.payments", ("payment.kind", "sale"), ("payment.status", "declined"));
        double durationsBefore = app.Telemetry.Total("smartretry.payment.duration", ("payment.kind", "sale"), ("payment.status", "approved"));
        double callsBefore = app.Telemetry.Total("smartretry.client.attempts", ("smartretry.operation", "Payments.Sale"), ("http.response.status_code", "200"));
        double forgedBefore = app.Telemetry.Total("smartretry.webhooks", ("webhook.result", "rejected"), ("webhook.reason", "signature_mismatch"));
        double raisedBefore = app.Telemetry.Total("smartretry.webhooks", ("webhook.result", "accepted"), ("webhook.reason", "raised"));

        string approvedId = (await app.Api.PostAsync("payments/sale", Requests.Sale(Requests.NewId("metric"), 49.01m))).Text("payment_id");
        string declinedId = (await app.Api.PostAsync("payments/sale", Requests.Sale(Requests.NewId("metric"), 49.30m))).Text("payment_id");
        await app.Api.WaitForPaymentAsync(approvedId, EndToEndApp.Settles, "processing");
        await app.Simulator.AdvanceAsync("""{"seconds":120}""");
        await app.Api.WaitForPaymentAsync(approvedId, EndToEndApp.Settles, "approved");
        await app.Api.WaitForPaymentAsync(declinedId, EndToEndApp.Settles, "declined");

        const string body = """{"id":"evt_metrics_forged","type":"transaction.approved","created_at":"2026-12-02T00:00:00Z","data":{"transaction_id":"TX0","status":"APPROVED"}}""";
        string forged = WebhookSignature.CreateHeader("whsec_an_attacker_guess", DateTimeOffset.UtcNow, Encoding.UTF8.GetBytes(body));
        ApiResponse rejected = await app.Api.SendAsync(HttpMethod.Post, "webhooks/smartretry", body, [new(WebhookSignature.HeaderName, forged)]);
        Assert.Equal(HttpStatusCode.BadRequest, rejected.Status);

        TimeSpan exported = EndToEndApp.Settles;
        await app.Telemetry.WaitForTotalAboveAsync("smartretry.payments", approvedBefore, exported, ("payment.kind", "sale"), ("payment.status", "approved"));
        await app.Telemetry.WaitForTotalAboveAsync("smartretry.payments", declinedBefore, exported, ("payment.kind", "sale"), ("payment.status", "declined"));
        await app.Telemetry.WaitForTotalAboveAsync("smartretry.payment.duration", durationsBefore, exported, ("payment.kind", "sale"), ("payment.status", "approved"));
        Assert.True(await app.Telemetry.WaitForTotalAboveAsync(
            "smartretry.client.attempts", callsBefore + 1, exported, ("smartretry.operation", "Payments.Sale"), ("http.response.status_code", "200")) >= callsBefore + 2);
        await app.Telemetry.WaitForTotalAboveAsync("smartretry.webhooks", forgedBefore, exported, ("webhook.result", "rejected"), ("webhook.reason", "signature_mismatch"));
        await app.Telemetry.WaitForTotalAboveAsync("smartretry.webhooks", raisedBefore, exported, ("webhook.result", "accepted"), ("webhook.reason", "raised"));
    }
}
