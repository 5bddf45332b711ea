using System.Net;
using SmartRetry.EndToEnd.Hosting;

namespace SmartRetry.EndToEnd.Telemetry;

/// <summary>
/// What the app exported over OTLP while it ran in the real host: each payment is one trace from the HTTP request that
/// started it, through its orchestration, activities and SmartRetry calls, to the webhook that resolved it. (A recurring
/// charge's place in its series' trace is asserted by the merchant series test, which waits for that month anyway.)
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class PaymentTraceTests(EndToEndApp app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.Simulator.SetTimeFactorAsync(1);

    public Task DisposeAsync() => app.Simulator.SetTimeFactorAsync(EndToEndApp.SimulatorStartFactor);

    [Fact]
    public async Task A_sale_is_one_trace_from_its_HTTP_request_through_SmartRetry_to_the_webhook_that_approved_it()
    {
        ApiResponse accepted = await app.Api.PostAsync("payments/sale", Requests.Sale(Requests.NewId("trace"), 49.01m));
        Assert.Equal(HttpStatusCode.Accepted, accepted.Status);
        string paymentId = accepted.Text("payment_id");
        await app.Api.WaitForPaymentAsync(paymentId, EndToEndApp.Settles, "processing");
        await app.Simulator.AdvanceAsync("""{"seconds":120}""");
        await app.Api.WaitForPaymentAsync(paymentId, EndToEndApp.Settles, "approved");

        IReadOnlyList<ExportedSpan> trace = await Traces.WaitForAsync(
            app.Telemetry,
            "SaleWorkflow",
            paymentId,
            t => t.Any(s => s.Name == "SmartRetry webhook transaction.approved")
                && t.Any(s => s.Name == "orchestration_event:SmartRetryTransaction")
                && t.Any(s => s.Name == "function RecordPayment"),
            EndToEndApp.Settles,
            $"sale {paymentId}'s trace up to its approval");

        ExportedSpan request = Traces.One(trace, s => s.Kind == 2 && s.Attribute("url.path") == "/api/payments/sale", "the host's span of POST /api/payments/sale");
        ExportedSpan trigger = Traces.One(trace, s => s.Name == "function SubmitSaleHttp", "the HTTP function's invocation");
        Assert.Equal(request.SpanId, trigger.ParentSpanId);
        Assert.Equal(trigger.SpanId, Traces.One(trace, s => s.Name == "create_orchestration:SaleWorkflow", "the orchestration's start").ParentSpanId);
        Assert.Contains(trace, s => s.Name == "function SaleWorkflow");

        ExportedSpan submit = Traces.One(trace, s => s.Name == "function SubmitSale", "the submit activity");
        ExportedSpan call = Traces.One(trace, s => s.Name == "SmartRetry Payments.Sale", "the SmartRetry sale call");
        Assert.Equal(submit.SpanId, call.ParentSpanId);
        Assert.Equal(3, call.Kind);
        Assert.Equal("1", call.Attribute("smartretry.attempt"));
        Assert.Equal("200", call.Attribute("http.response.status_code"));
        Assert.StartsWith("sale-submit-", call.Attribute("smartretry.idempotency_key"), StringComparison.Ordinal);

        // The webhook came in on a request of its own; its processing continues the payment's trace and links back to it.
        ExportedSpan webhook = Traces.One(trace, s => s.Name == "SmartRetry webhook transaction.approved", "the approving webhook");
        Assert.Equal(submit.SpanId, webhook.ParentSpanId);
        SpanReference delivery = Assert.Single(webhook.Links);
        Assert.NotEqual(webhook.TraceId, delivery.TraceId);
        Assert.Contains(app.Telemetry.Spans, s => s.SpanId == delivery.SpanId && s.Name == "function SmartRetryWebhook");
        ExportedSpan raise = Traces.One(trace, s => s.Name == "raise_event SmartRetryTransaction" && s.ParentSpanId == webhook.SpanId, "the event raised by that webhook");
        Assert.Equal(paymentId, raise.Attribute("durabletask.task.instance_id"));
        Assert.Contains(trace, s => s.Name == "orchestration_event:SmartRetryTransaction" && s.ParentSpanId == raise.SpanId);
    }

    [Fact]
    public async Task A_refund_is_one_trace_from_its_HTTP_request_to_SmartRetrys_answer()
    {
        string merchantId = Requests.NewId("trace");
        ApiResponse sale = await app.Api.PostAsync("payments/sale", Requests.Sale(merchantId, 50.00m));
        string saleId = sale.Text("payment_id");
        await app.Api.WaitForPaymentAsync(saleId, EndToEndApp.Settles, "approved");
        ApiResponse refund = await app.Api.PostAsync($"payments/{saleId}/refund", $$"""{"refund_id": "{{merchantId}}-rf-1", "amount": 10.00}""");
        Assert.Equal(HttpStatusCode.Accepted, refund.Status);
        string refundId = refund.Text("payment_id");
        await app.Api.WaitForPaymentAsync(refundId, EndToEndApp.Settles, "approved");

        IReadOnlyList<ExportedSpan> trace = await Traces.WaitForAsync(
            app.Telemetry,
            "RefundWorkflow",
            refundId,
            t => t.Any(s => s.Name == "SmartRetry Payments.Refund") && t.Any(s => s.Name == "function RecordPayment"),
            EndToEndApp.Settles,
            $"refund {refundId}'s trace");

        ExportedSpan request = Traces.One(trace, s => s.Kind == 2 && s.Attribute("url.path") == $"/api/payments/{saleId}/refund", "the host's span of the refund request");
        Assert.Contains(trace, s => s.Name.StartsWith("function ", StringComparison.Ordinal) && s.ParentSpanId == request.SpanId);
        ExportedSpan submit = Traces.One(trace, s => s.Name == "function SubmitRefund", "the submit-refund activity");
        ExportedSpan call = Traces.One(trace, s => s.Name == "SmartRetry Payments.Refund", "the SmartRetry refund call");
        Assert.Equal(submit.SpanId, call.ParentSpanId);
        Assert.NotEqual("", call.Attribute("smartretry.idempotency_key"));
    }
}
