using System.Text.Json.Nodes;
using SmartRetry.Simulator.Http;
using SmartRetry.Simulator.Time;

namespace SmartRetry.Simulator.Endpoints;

/// <summary>Health endpoints (§2.16–2.18), no API key.</summary>
internal static class HealthEndpoints
{
    public static void MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health/", (SimulatorClock clock) => Health("healthy", clock));
        app.MapGet("/health/live", (SimulatorClock clock) => Health("alive", clock));
        app.MapGet("/health/ready", (SimulatorClock clock) =>
        {
            JsonObject body = Body("ready", clock);
            body["checks"] = new JsonObject { ["database"] = "ok", ["cache"] = "ok", ["payment_providers"] = "ok" };
            return Results.Content(body.ToJsonString(), "application/json");
        });
    }

    private static IResult Health(string status, SimulatorClock clock) => Results.Content(Body(status, clock).ToJsonString(), "application/json");

    private static JsonObject Body(string status, SimulatorClock clock) =>
        new() { ["status"] = status, ["timestamp"] = Iso8601.Timestamp(clock.BaseTime.GetUtcNow()) };
}
