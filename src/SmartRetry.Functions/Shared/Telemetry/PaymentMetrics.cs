using System.Diagnostics;
using System.Diagnostics.Metrics;
using SmartRetry.Functions.Shared.Ledger;

namespace SmartRetry.Functions.Shared.Telemetry;

/// <summary>
/// How money moves, on the app's one meter. Tags are small closed sets (kinds, statuses, reasons): never an id, an
/// amount or anything from a card, so a metric can be alerted on and can never leak a customer.
/// </summary>
public sealed class PaymentMetrics
{
    public const string MeterName = "SmartRetry.Payments";

    private readonly Counter<long> payments;
    private readonly Histogram<double> timeToFinalStatus;
    private readonly Counter<long> webhooks;
    private readonly Counter<long> dunningAttempts;
    private readonly Counter<long> cardWindowRefusals;
    private readonly Counter<long> reconcilerChecks;

    public PaymentMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        Meter meter = meterFactory.Create(MeterName);
        payments = meter.CreateCounter<long>(
            "smartretry.payments", "{payment}", "Payments that reached a final status (or a status a person must settle), by kind and status.");
        timeToFinalStatus = meter.CreateHistogram<double>(
            "smartretry.payment.duration", "s", "Time from submission to SmartRetry until the payment's final status, by kind and status.");
        webhooks = meter.CreateCounter<long>(
            "smartretry.webhooks", "{delivery}", "Webhook deliveries by result (accepted, rejected, failed) and reason.");
        dunningAttempts = meter.CreateCounter<long>(
            "smartretry.dunning.attempts", "{attempt}", "Recurring charge attempts after a decline (our dunning), by the attempt's result.");
        cardWindowRefusals = meter.CreateCounter<long>(
            "smartretry.dunning.card_window_refusals", "{attempt}", "Charge attempts held back because the card's shared attempt window was full.");
        reconcilerChecks = meter.CreateCounter<long>(
            "smartretry.reconciler.checks", "{check}", "The reconciler's looks at unresolved payments, by what each found or did.");
    }

    /// <summary>
    /// A payment's status change that the ledger committed; counted once, since a repeated write is not committed. A
    /// declined payment carries SmartRetry's reason code (a closed, documented set), so declines can be read by reason.
    /// </summary>
    public void PaymentSettled(PaymentKind kind, PaymentStatus status, string? reasonCode, TimeSpan? sinceSubmission)
    {
        var tags = new TagList { { "payment.kind", Tag(kind) }, { "payment.status", Tag(status) } };
        if (sinceSubmission is { } duration && duration >= TimeSpan.Zero)
        {
            timeToFinalStatus.Record(duration.TotalSeconds, tags);
        }

        if (status == PaymentStatus.Declined)
        {
            tags.Add("payment.reason", ReasonTag(reasonCode));
        }

        payments.Add(1, tags);
    }

    public void WebhookAccepted(string outcome) => webhooks.Add(1, new TagList { { "webhook.result", "accepted" }, { "webhook.reason", outcome } });

    public void WebhookRejected(string reason) => webhooks.Add(1, new TagList { { "webhook.result", "rejected" }, { "webhook.reason", reason } });

    public void WebhookFailed() => webhooks.Add(1, new TagList { { "webhook.result", "failed" }, { "webhook.reason", "processing_failed" } });

    public void DunningAttempt(string result) => dunningAttempts.Add(1, new KeyValuePair<string, object?>("attempt.result", result));

    public void CardWindowRefused() => cardWindowRefusals.Add(1);

    /// <param name="outcome">One of the reconciler's closed set of outcomes (settled, resubmitted, still_processing, …).</param>
    public void ReconcilerChecked(string outcome) => reconcilerChecks.Add(1, new KeyValuePair<string, object?>("reconcile.outcome", outcome));

    /// <summary>
    /// SmartRetry's reason codes are upper-case words joined by underscores (or, in its newer form, domain and reason
    /// joined by '.' or '/'); anything else, or an unusually long value, is reported as <c>other</c>, so a tag value can
    /// never be free text from a response.
    /// </summary>
    internal static string ReasonTag(string? reasonCode) =>
        reasonCode is null ? "none"
        : reasonCode is { Length: > 0 and <= 64 } && char.IsAsciiLetterUpper(reasonCode[0])
            && reasonCode.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c is '_' or '.' or '/') ? reasonCode
        : "other";

    internal static string Tag(PaymentKind kind) => kind switch
    {
        PaymentKind.Sale => "sale",
        PaymentKind.RecurringInit => "recurring_init",
        PaymentKind.RecurringCharge => "recurring_charge",
        PaymentKind.Refund => "refund",
        _ => "other",
    };

    internal static string Tag(PaymentStatus status) => status switch
    {
        PaymentStatus.Approved => "approved",
        PaymentStatus.Declined => "declined",
        PaymentStatus.Cancelled => "cancelled",
        PaymentStatus.Error => "error",
        PaymentStatus.NeedsAttention => "needs_attention",
        PaymentStatus.DeadlineReached => "deadline_reached",
        _ => "in_progress",
    };
}
