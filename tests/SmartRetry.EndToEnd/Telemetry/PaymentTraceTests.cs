using System.Net;
using SmartRetry.EndToEnd.Hosting;

namespace SmartRetry.EndToEnd.Telemetry;

/// <summary>
/// What the app exported over OTLP while it ran in the real host: each payment is one trace from the HTTP request that
/// started it, through its orchestration, activities and SmartRetry calls, to the webhook that resolved it.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class PaymentTraceTests(EndToEndApp app) : IAsyncLifetime
{
    // A month of a series is about 31 s at the app's time scale; allow for two on a busy machine.
    private static readonly TimeSpan Months = TimeSpan.FromSeconds(100);

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

        IReadOnlyList<ExportedSpan> trace = Trace(await app.Telemetry.WaitForSpansAsync(
            spans => Trace(spans, "SaleWorkflow", paymentId) is { } t
                && t.Any(s => s.Name == "SmartRetry webhook transaction.approved")
                && t.Count(s => s.Name == "orchestration_event:SmartRetryTransaction") >= 2
                && t.Count(s => s.Name == "function RecordSale") >= 2,
            EndToEndApp.Settles,
            $"sale {paymentId}'s trace up to its approval"), "SaleWorkflow", paymentId)!;

        ExportedSpan request = Single(trace, s => s.Kind == 2 && s.Attribute("url.path") == "/api/payments/sale", "the host's span of POST /api/payments/sale");
        ExportedSpan trigger = Single(trace, s => s.Name == "function SubmitSaleHttp", "the HTTP function's invocation");
        Assert.Equal(request.SpanId, trigger.ParentSpanId);
        Assert.Equal(trigger.SpanId, Single(trace, s => s.Name == "create_orchestration:SaleWorkflow", "the orchestration's start").ParentSpanId);
        Assert.Contains(trace, s => s.Name == "function SaleWorkflow");

        ExportedSpan submit = Single(trace, s => s.Name == "function SubmitSale", "the submit activity");
        ExportedSpan call = Single(trace, s => s.Name == "SmartRetry Payments.Sale", "the SmartRetry sale call");
        Assert.Equal(submit.SpanId, call.ParentSpanId);
        Assert.Equal(3, call.Kind);
        Assert.Equal("1", call.Attribute("smartretry.attempt"));
        Assert.Equal("200", call.Attribute("http.response.status_code"));
        Assert.StartsWith("sale-submit-", call.Attribute("smartretry.idempotency_key"), StringComparison.Ordinal);

        // The webhook came in on a request of its own; its processing continues the payment's trace and links back to it.
        ExportedSpan webhook = Single(trace, s => s.Name == "SmartRetry webhook transaction.approved", "the approving webhook");
        Assert.Equal(submit.SpanId, webhook.ParentSpanId);
        SpanReference delivery = Assert.Single(webhook.Links);
        Assert.NotEqual(webhook.TraceId, delivery.TraceId);
        Assert.Contains(app.Telemetry.Spans, s => s.SpanId == delivery.SpanId && s.Name == "function SmartRetryWebhook");
        ExportedSpan raise = Single(trace, s => s.Name == "raise_event SmartRetryTransaction" && s.ParentSpanId == webhook.SpanId, "the event raised by that webhook");
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

        IReadOnlyList<ExportedSpan> trace = Trace(await app.Telemetry.WaitForSpansAsync(
            spans => Trace(spans, "RefundWorkflow", refundId) is { } t
                && t.Any(s => s.Name == "SmartRetry Payments.Refund") && t.Any(s => s.Name == "function RecordSale"),
            EndToEndApp.Settles,
            $"refund {refundId}'s trace"), "RefundWorkflow", refundId)!;

        ExportedSpan request = Single(trace, s => s.Kind == 2 && s.Attribute("url.path") == $"/api/payments/{saleId}/refund", "the host's span of the refund request");
        Assert.Contains(trace, s => s.Name.StartsWith("function ", StringComparison.Ordinal) && s.ParentSpanId == request.SpanId);
        ExportedSpan submit = Single(trace, s => s.Name == "function SubmitRefund", "the submit-refund activity");
        ExportedSpan call = Single(trace, s => s.Name == "SmartRetry Payments.Refund", "the SmartRetry refund call");
        Assert.Equal(submit.SpanId, call.ParentSpanId);
        Assert.NotEqual("", call.Attribute("smartretry.idempotency_key"));
    }

    [Fact]
    public async Task A_recurring_charge_months_later_is_in_the_trace_of_the_request_that_set_up_its_series()
    {
        await app.Simulator.SetTimeFactorAsync(EndToEndApp.TimeScale);
        DateOnly first = DateOnly.FromDateTime((await app.Simulator.NowAsync()).UtcDateTime.AddDays(1));
        ApiResponse created = await app.Api.PostAsync("recurring", Requests.MerchantSeries(Requests.NewId("trace"), 7.00m, first, numberOfPayments: 2));
        Assert.Equal(HttpStatusCode.Accepted, created.Status);
        string seriesId = created.Text("series_id");
        await app.Api.WaitForPaymentAsync($"{seriesId}-c2-a1", EndToEndApp.HostTimeUntil(first) + Months, "approved");

        IReadOnlyList<ExportedSpan> trace = Trace(await app.Telemetry.WaitForSpansAsync(
            spans => Trace(spans, "MerchantRecurringSeriesWorkflow", seriesId) is { } t
                && t.Any(s => s.Name == "SmartRetry Recurring.Init")
                && t.Any(s => s.Name == "SmartRetry Recurring.Charge")
                && t.Any(s => s.Name == "function RecordRecurringCharge"),
            EndToEndApp.Settles,
            $"series {seriesId}'s trace up to its second month's charge"), "MerchantRecurringSeriesWorkflow", seriesId)!;

        Assert.Contains(trace, s => s.Kind == 2 && s.Attribute("url.path") == "/api/recurring");
        ExportedSpan charge = Single(trace, s => s.Name == "function ChargeRecurring", "the charge activity");
        ExportedSpan call = Single(trace, s => s.Name == "SmartRetry Recurring.Charge", "the SmartRetry charge call");
        Assert.Equal(charge.SpanId, call.ParentSpanId);
        Assert.Contains(trace, s => s.Name == "function RecurringChargeCycleWorkflow");
    }

    /// <summary>The spans of the trace in which <paramref name="orchestration"/> was started for <paramref name="instanceId"/>.</summary>
    private static IReadOnlyList<ExportedSpan>? Trace(IReadOnlyList<ExportedSpan> spans, string orchestration, string instanceId) =>
        spans.FirstOrDefault(s => s.Name == $"create_orchestration:{orchestration}" && s.Attribute("durabletask.task.instance_id") == instanceId) is { } start
            ? [.. spans.Where(s => s.TraceId == start.TraceId)]
            : null;

    private static ExportedSpan Single(IReadOnlyList<ExportedSpan> trace, Func<ExportedSpan, bool> match, string what)
    {
        ExportedSpan[] found = [.. trace.Where(match)];
        Assert.True(found.Length == 1, $"Expected one span for {what}, found {found.Length} in the trace:{Environment.NewLine}{string.Join(Environment.NewLine, trace)}");
        return found[0];
    }
}
