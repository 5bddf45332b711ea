using SmartRetry.Simulator.Control;
using SmartRetry.Simulator.Time;

namespace SmartRetry.Simulator.Pipeline;

/// <summary>
/// Added latency, placed inside the idempotency lock like a slow acquirer, so a concurrent twin meets an in-flight
/// request. Waits on the base time provider, so a test's fake clock releases it.
/// </summary>
internal sealed class LatencyMiddleware(RequestDelegate next, SimulatorSettings settings, SimulatorClock clock, CallCounters counters)
{
    public async Task InvokeAsync(HttpContext context)
    {
        int latency = settings.Faults.AddedLatencyMilliseconds;
        if (latency > 0)
        {
            Task delay = Task.Delay(TimeSpan.FromMilliseconds(latency), clock.BaseTime, context.RequestAborted);
            counters.EnterDelay();
            try
            {
                await delay;
            }
            finally
            {
                counters.LeaveDelay();
            }
        }

        await next(context);
    }
}
