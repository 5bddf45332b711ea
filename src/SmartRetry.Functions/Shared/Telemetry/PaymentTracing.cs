using System.Diagnostics;

namespace SmartRetry.Functions.Shared.Telemetry;

/// <summary>
/// The app's own spans. A webhook arrives as a new HTTP request with a trace of its own; the span that processes it is
/// parented to the trace of the payment it resolves (recorded with the payment's correlation), so a payment reads as
/// one trace from its HTTP request to the webhook that settled it, and links back to the delivery's request.
/// </summary>
public static class PaymentTracing
{
    public const string SourceName = "SmartRetry.Payments";

    internal static readonly ActivitySource Source = new(SourceName);

    /// <summary>The current span's W3C <c>traceparent</c>, to be recorded where a later, unrelated request will look.</summary>
    public static string? CurrentTraceParent() => Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : null;

    internal static Activity? StartWebhook(string eventType, string eventId, string? paymentTraceParent)
    {
        ActivityContext delivery = Activity.Current?.Context ?? default;
        ActivityContext parent = ActivityContext.TryParse(paymentTraceParent, null, out ActivityContext recorded) ? recorded : delivery;
        ActivityLink[]? links = delivery != default && parent != delivery ? [new ActivityLink(delivery)] : null;
        Activity? span = Source.StartActivity($"SmartRetry webhook {eventType}", ActivityKind.Consumer, parent, links: links);
        span?.SetTag("smartretry.webhook.type", eventType);
        span?.SetTag("smartretry.webhook.id", eventId);
        return span;
    }

    internal static Activity? StartRaise(string instanceId, string eventName)
    {
        Activity? span = Source.StartActivity($"raise_event {eventName}", ActivityKind.Producer);
        span?.SetTag("durabletask.task.instance_id", instanceId);
        span?.SetTag("durabletask.event.name", eventName);
        return span;
    }
}
