using SmartRetry.Simulator.Control;

namespace SmartRetry.Simulator.Pipeline;

/// <summary>Counts every <c>/v1</c> call by method and route pattern, e.g. <c>POST /v1/payments/sale/{terminal_friendly_id}</c>.</summary>
internal sealed class CallCountingMiddleware(RequestDelegate next, CallCounters counters)
{
    public Task InvokeAsync(HttpContext context)
    {
        string route = context.GetEndpoint() is RouteEndpoint endpoint ? endpoint.RoutePattern.RawText ?? context.Request.Path : context.Request.Path;
        counters.CountEndpoint($"{context.Request.Method} {route}");
        return next(context);
    }
}
