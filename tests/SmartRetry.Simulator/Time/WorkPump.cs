using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace SmartRetry.Simulator.Time;

/// <summary>Runs due work by itself as the clock moves (when <see cref="SmartRetrySimulatorOptions.AutomaticDispatch"/> is on).</summary>
internal sealed class WorkPump(WorkScheduler scheduler, SimulatorClock clock, IOptions<SmartRetrySimulatorOptions> options) : BackgroundService
{
    private static readonly TimeSpan LongestNap = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.AutomaticDispatch)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            Task changed = scheduler.Changed;
            await scheduler.RunDueAsync(until: null, stoppingToken);
            DateTimeOffset? next = scheduler.NextDue;
            TimeSpan nap = next is null ? LongestNap : clock.ToRealTime(next.Value - clock.UtcNow);
            nap = nap > LongestNap ? LongestNap : nap;
            if (nap > TimeSpan.Zero)
            {
                await Task.WhenAny(changed, Task.Delay(nap, clock.BaseTime, stoppingToken)).WaitAsync(stoppingToken);
            }
        }
    }
}
