using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace SmartRetry.Functions.Http;

/// <summary>
/// The only way HTTP functions answer: JSON in the Payments shape, and RFC 9457 problem details
/// (<c>application/problem+json</c>) for every client error, so each route stays a one-line translation.
/// </summary>
public static class ApiResults
{
    /// <summary>The route prefix from host.json (<c>extensions.http.routePrefix</c>).</summary>
    public const string RoutePrefix = "api";

    public static IActionResult Ok(object body) => new JsonBodyResult(StatusCodes.Status200OK, body, JsonBodyResult.JsonContentType);

    /// <summary>
    /// <c>202 Accepted</c> for work that continues in a workflow: <c>Location</c> and the body's status link point at
    /// <paramref name="statusPath"/> (relative to the route prefix, e.g. <c>payments/{id}</c>) on the host the caller used.
    /// </summary>
    public static IActionResult Accepted(HttpRequest request, string id, string statusPath)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentException.ThrowIfNullOrEmpty(statusPath);

        var status = new Uri(UriHelper.BuildAbsolute(
            request.Scheme, request.Host, request.PathBase, new PathString($"/{RoutePrefix}/{statusPath.TrimStart('/')}")));
        return new JsonBodyResult(StatusCodes.Status202Accepted, new AcceptedResponse(id, new ResourceLinks(status)), JsonBodyResult.JsonContentType)
        {
            Location = status,
        };
    }

    /// <summary><c>400</c> naming each offending field (JSON names) with what is wrong with it.</summary>
    public static IActionResult ValidationProblem(IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("A validation problem names at least one field.", nameof(errors));
        }

        var problem = new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is not valid.",
            Detail = $"See errors for the offending field{(errors.Count == 1 ? "" : "s")}: {string.Join(", ", errors.Keys)}.",
        };
        return new JsonBodyResult(StatusCodes.Status400BadRequest, problem, JsonBodyResult.ProblemContentType);
    }

    public static IActionResult BadRequest(string field, string message) =>
        ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] });

    public static IActionResult NotFound(string detail) => Problem(StatusCodes.Status404NotFound, detail);

    /// <summary><c>409</c>: the request conflicts with the resource's state (e.g. same id, different body).</summary>
    public static IActionResult Conflict(string detail) => Problem(StatusCodes.Status409Conflict, detail);

    private static JsonBodyResult Problem(int statusCode, string detail)
    {
        ArgumentException.ThrowIfNullOrEmpty(detail);
        var problem = new ProblemDetails
        {
            Status = statusCode,
            Title = ReasonPhrases.GetReasonPhrase(statusCode),
            Detail = detail,
        };
        return new JsonBodyResult(statusCode, problem, JsonBodyResult.ProblemContentType);
    }
}
