using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using SmartRetry.Functions.Shared.Durable;
using SmartRetry.Functions.Shared.Series;

namespace SmartRetry.Functions.Series.PlatformManaged;

/// <summary>
/// A timer flow per upcoming charge of a platform-managed series: after its scheduled day plus a grace period it reads
/// the future transaction and records that it ran, failed or was cancelled, or flags it as missed. A charge moved to a
/// later date is followed to that date.
/// </summary>
public static class FutureTransactionWatchWorkflow
{
    public static string InstanceId(string seriesId, string futureTransactionId) => $"{seriesId}-f{futureTransactionId}";

    /// <summary>When the check runs: the end of the scheduled day in UTC, plus the grace period.</summary>
    public static DateTime CheckAt(DateOnly scheduledDate, TimeSpan grace) =>
        scheduledDate.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) + grace;

    [Function(nameof(FutureTransactionWatchWorkflow))]
    public static async Task<FutureTransactionCheck?> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        FutureTransactionWatchInput input = context.GetInput<FutureTransactionWatchInput>() ?? throw new InvalidOperationException("FutureTransactionWatchWorkflow needs its input.");
        DateTime checkAt = CheckAt(input.ScheduledDate, input.Grace);
        context.SetCustomStatus(new { input.FutureTransactionId, input.ScheduledDate, checkAt });
        await context.CreateTimer(checkAt, CancellationToken.None);

        FutureTransactionSnapshot snapshot = await context.CallActivityAsync<FutureTransactionSnapshot>(
            nameof(GetFutureTransaction), input.FutureTransactionId, ActivityOptions.SmartRetryOutage);
        FutureTransactionCheck? check = snapshot.Status switch
        {
            FutureTransactionStatus.Completed => FutureTransactionCheck.Ran,
            FutureTransactionStatus.Failed => FutureTransactionCheck.Failed,
            FutureTransactionStatus.Cancelled => FutureTransactionCheck.Cancelled,
            _ when snapshot.ScheduledDate > input.ScheduledDate => null,
            _ => FutureTransactionCheck.Missed,
        };
        if (check is null)
        {
            context.ContinueAsNew(input with { ScheduledDate = snapshot.ScheduledDate }, preserveUnprocessedEvents: true);
            return null;
        }

        if (check == FutureTransactionCheck.Missed)
        {
            PlatformSeriesLog.FutureTransactionMissed(context.CreateReplaySafeLogger(typeof(FutureTransactionWatchWorkflow).FullName!), input.FutureTransactionId, input.SeriesId, context.CurrentUtcDateTime);
        }

        await context.CallActivityAsync(
            nameof(RecordFutureTransaction),
            new FutureTransactionRecord(input.SeriesId, input.FutureTransactionId, snapshot.ScheduledDate, check.Value, snapshot.Amount, snapshot.Currency, context.CurrentUtcDateTime, snapshot.ExecutedTransactionId),
            ActivityOptions.Storage);
        return check;
    }
}
