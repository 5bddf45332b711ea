using Microsoft.Azure.Functions.Worker;

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
