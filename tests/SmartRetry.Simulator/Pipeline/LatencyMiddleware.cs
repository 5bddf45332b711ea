using SmartRetry.Simulator.Control;
using SmartRetry.Simulator.Time;

namespace SmartRetry.Simulator.Pipeline;

/// <summary>
/// Added latency, placed inside the idempotency lock like a slow acquirer, so a concurrent twin meets an in-flight
/// request. Waits on the base time provider, so a test's fake clock releases it.
/// </summary>
internal sealed class LatencyMiddleware(RequestDelegate next, SimulatorSettings settings, SimulatorClock clock)
{
    public async Task InvokeAsync(HttpContext context)
    {
        int latency = settings.Faults.AddedLatencyMilliseconds;
        if (latency > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(latency), clock.BaseTime, context.RequestAborted);
        }

        await next(context);
    }
}
