using SmartRetry.Simulator.Control;
using SmartRetry.Simulator.Http;

namespace SmartRetry.Simulator.Pipeline;

/// <summary>
/// Injects the configured faults: 429 bursts and 5xx before anything happens; a dropped connection after the operation
/// ran (and its idempotent result was stored). Added latency is <see cref="LatencyMiddleware"/>.
/// </summary>
internal sealed class FaultInjectionMiddleware(RequestDelegate next, SimulatorSettings settings)
{
    private readonly Lock gate = new();
    private Random? random;
    private int seed;

    public async Task InvokeAsync(HttpContext context)
    {
        SimulatorFaults faults = settings.Faults;
        if (settings.UpdateFaults(live => Consume(() => live.RateLimitBurst, value => live.RateLimitBurst = value)))
        {
            context.Response.Headers.RetryAfter = faults.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await ApiProblem.WriteAsync(context, StatusCodes.Status429TooManyRequests, "RATE_LIMIT_EXCEEDED", "Too many requests (injected burst).",
                new Dictionary<string, object?> { ["retry_after_seconds"] = faults.RetryAfterSeconds });
            return;
        }

        bool serverError = settings.UpdateFaults(live => Consume(() => live.ServerErrorsNext, value => live.ServerErrorsNext = value));
        if (serverError || Roll(faults, faults.ServerErrorRate))
        {
            await ApiProblem.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "TEMPORARILY_UNAVAILABLE", "The service is temporarily unavailable (injected fault).");
            return;
        }

        await next(context);

        bool drop = settings.UpdateFaults(live => Consume(() => live.DropConnectionsNext, value => live.DropConnectionsNext = value));
        if (drop || Roll(faults, faults.DropConnectionRate))
        {
            context.Abort();
        }
    }

    private static bool Consume(Func<int> read, Action<int> write)
    {
        int remaining = read();
        if (remaining <= 0)
        {
            return false;
        }

        write(remaining - 1);
        return true;
    }

    private bool Roll(SimulatorFaults faults, double rate)
    {
        if (rate <= 0)
        {
            return false;
        }

        lock (gate)
        {
            if (random is null || seed != faults.Seed)
            {
                seed = faults.Seed;
#pragma warning disable CA5394 // Faults need a repeatable pseudo-random sequence, not a secure one.
                random = new Random(seed);
            }

            return random.NextDouble() < rate;
#pragma warning restore CA5394
        }
    }
}
