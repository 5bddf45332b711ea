using SmartRetry.Simulator.Http;

namespace SmartRetry.Simulator.Endpoints;

internal static class EndpointExtensions
{
    /// <summary>Maps a JSON endpoint whose handler validates the body and runs under the state lock.</summary>
    public static RouteHandlerBuilder MapJson(this IEndpointRouteBuilder app, string method, string pattern, Func<JsonObjectReader, HttpContext, object> handle) =>
        app.MapMethods(pattern, [method], async (HttpContext context) =>
        {
            JsonObjectReader body = await JsonObjectReader.ReadBodyAsync(context.Request);
            return Results.Json(handle(body, context), SimulatorJson.Options);
        });

    public static string RequiredQuery(this HttpContext context, string name, int exactLength)
    {
        string? value = context.Request.Query[name];
        if (string.IsNullOrEmpty(value))
        {
            throw ApiProblemException.Missing(name);
        }

        return value.Length == exactLength ? value : throw ApiProblemException.Invalid(name, $"{name} must be exactly {exactLength} characters");
    }
}
