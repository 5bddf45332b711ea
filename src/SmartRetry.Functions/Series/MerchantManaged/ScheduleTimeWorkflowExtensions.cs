using Microsoft.DurableTask;

namespace SmartRetry.Functions.Series.MerchantManaged;

/// <summary>
/// Schedule time inside a workflow: decisions about due dates read <see cref="ScheduleNow"/>, and waits for a due date
/// use <see cref="CreateScheduleTimer"/>. Without a time scale both are the context's own clock and timer, unchanged.
/// </summary>
public static class ScheduleTimeWorkflowExtensions
{
    /// <summary>The series' current schedule time: the replay-safe host time, accelerated by <paramref name="scale"/> when there is one.</summary>
    public static DateTime ScheduleNow(this TaskOrchestrationContext context, ScheduleTimeScale? scale)
    {
        ArgumentNullException.ThrowIfNull(context);
        return scale?.ToScheduleTime(context.CurrentUtcDateTime) ?? context.CurrentUtcDateTime;
    }

    /// <summary>A durable timer that fires when the series' schedule time reaches <paramref name="fireAtScheduleUtc"/>.</summary>
    public static Task CreateScheduleTimer(this TaskOrchestrationContext context, ScheduleTimeScale? scale, DateTime fireAtScheduleUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.CreateTimer(scale?.ToHostTime(fireAtScheduleUtc) ?? fireAtScheduleUtc, cancellationToken);
    }
}
