using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmartRetry.Simulator.Http;

/// <summary>SmartRetry's RFC 7807-style error body (§4.1).</summary>
internal sealed record ApiProblem(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("status")] int Status,
    [property: JsonPropertyName("detail")] string Detail,
    [property: JsonPropertyName("instance")] string Instance,
    [property: JsonPropertyName("reason_code")] string ReasonCode,
    [property: JsonPropertyName("context")] IReadOnlyDictionary<string, object?>? Context)
{
    public static Task WriteAsync(
        HttpContext context,
        int status,
        string reasonCode,
        string detail,
        IReadOnlyDictionary<string, object?>? problemContext = null)
    {
        var problem = new ApiProblem(
            $"https://api.smartretry.com/errors/{reasonCode.ToLowerInvariant().Replace('_', '-')}",
            TitleOf(status),
            status,
            detail,
            context.Request.Path,
            reasonCode,
            problemContext);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/problem+json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(problem, SimulatorJson.Options), context.RequestAborted);
    }

    public static Task WriteAsync(HttpContext context, ApiProblemException problem)
    {
        Dictionary<string, object?>? problemContext = problem.Field is null ? null : new() { ["field"] = problem.Field };
        return WriteAsync(context, problem.Status, problem.ReasonCode, problem.Message, problemContext);
    }

    private static string TitleOf(int status) => status switch
    {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        409 => "Conflict",
        429 => "Too Many Requests",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        _ => "Internal Server Error",
    };
}
