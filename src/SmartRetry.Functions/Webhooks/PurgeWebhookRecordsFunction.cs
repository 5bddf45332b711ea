using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartRetry.Functions.Shared.Correlation;

namespace SmartRetry.Functions.Webhooks;

/// <summary>Deletes webhook and pending-event rows past their retention (<see cref="WebhookRecordsRetention"/>), daily.</summary>
public sealed class PurgeWebhookRecordsFunction(WebhookRecordsRetention retention)
{
    /// <summary>Every day at 03:30:00 UTC (NCRONTAB with seconds), after the instance purge.</summary>
    public const string Schedule = "0 30 3 * * *";

    [Function("PurgeWebhookRecords")]
    public async Task Run([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        await retention.PurgeAsync(cancellationToken);
    }
}

/// <summary>What one run of <see cref="WebhookRecordsRetention"/> deleted, and its cut-off.</summary>
public sealed record WebhookRecordsPurged(DateTimeOffset Before, int WebhookEvents, int PendingEvents);

/// <summary>
/// Deletes webhook events and pending events older than <see cref="WebhookIntakeOptions.RetentionDays"/>: without it
/// both tables grow with every delivery for ever. The host runs it on a timer.
/// </summary>
public sealed partial class WebhookRecordsRetention(
    IWebhookEventStore webhookEvents,
    IPendingEventStore pendingEvents,
    IOptions<WebhookIntakeOptions> options,
    TimeProvider timeProvider,
    ILogger<WebhookRecordsRetention> logger)
{
    public async Task<WebhookRecordsPurged> PurgeAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset before = timeProvider.GetUtcNow().AddDays(-options.Value.RetentionDays);
        int events = await webhookEvents.PurgeReceivedBeforeAsync(before, cancellationToken);
        int pending = await pendingEvents.PurgeCreatedBeforeAsync(before, cancellationToken);
        LogPurged(logger, events, pending, before);
        return new WebhookRecordsPurged(before, events, pending);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {WebhookEventCount} webhook events and {PendingEventCount} pending events older than {Before:o}")]
    private static partial void LogPurged(ILogger logger, int webhookEventCount, int pendingEventCount, DateTimeOffset before);
}
