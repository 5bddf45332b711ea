using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartRetry.Functions.Shared.Durable;

namespace SmartRetry.Functions.Maintenance;

/// <summary>
/// Deletes the history, inputs and outputs of finished orchestration instances once they are older than the retention, so
/// the task hub keeps only what operators still need. Only finished instances are ever purged.
/// </summary>
public sealed partial class PurgeFinishedInstancesFunction(
    IOptions<MaintenanceOptions> options,
    TimeProvider timeProvider,
    ILogger<PurgeFinishedInstancesFunction> logger)
{
    /// <summary>Every day at 03:00:00 UTC (NCRONTAB with seconds).</summary>
    public const string Schedule = "0 0 3 * * *";

    [Function("PurgeFinishedInstances")]
    public async Task Run(
        [TimerTrigger(Schedule)] TimerInfo timer,
        [DurableClient] DurableTaskClient durableClient,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        DateTimeOffset createdBefore = timeProvider.GetUtcNow().AddDays(-options.Value.RetentionDays);
        int purged = await durableClient.PurgeFinishedInstancesAsync(createdBefore, cancellationToken);
        LogPurged(purged, createdBefore, timer.IsPastDue);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {PurgedCount} finished workflow instances created before {CreatedBefore:o} (past due: {IsPastDue})")]
    private partial void LogPurged(int purgedCount, DateTimeOffset createdBefore, bool isPastDue);
}
