using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using SmartRetry.Payments.Problems;

namespace SmartRetry.Functions.Http;

/// <summary>
/// The only way HTTP functions answer: JSON in the Payments shape, and RFC 9457 problem details
/// (<c>application/problem+json</c>) for every client error, so each route stays a one-line translation of a
/// Payments <see cref="HandlerResult{T}"/>.
/// </summary>
public static class ApiResults
{
    /// <summary>The problem type of a body above <see cref="RequestBody.MaxBytes"/>.</summary>
    public const string PayloadTooLargeType = "/problems/payload-too-large";

    public static IActionResult Ok(object body) => new JsonBodyResult(StatusCodes.Status200OK, body, JsonBodyResult.JsonContentType);

    /// <summary>
    /// A handler's answer as it is: its status code with its body, or its problem. A <c>202 Accepted</c> also carries
    /// <c>Location</c> when <paramref name="statusPath"/> is given: the path it returns (absolute, such as
    /// <c>/api/payments/{id}</c>, as the handlers' links are) on the host the caller used.
    /// </summary>
    public static IActionResult From<T>(HandlerResult<T> result, HttpRequest request, Func<T, string>? statusPath = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(request);
        if (result.Problem is { } problem)
        {
            return Problem(problem);
        }

        T body = result.Body ?? throw new ArgumentException("A successful handler result has a body.", nameof(result));
        return new JsonBodyResult((int)result.StatusCode, body, JsonBodyResult.JsonContentType)
        {
            Location = result.StatusCode == HttpStatusCode.Accepted && statusPath is not null ? Absolute(request, statusPath(body)) : null,
        };
    }

    public static IActionResult Problem(PaymentsProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return new JsonBodyResult(problem.Status, problem, JsonBodyResult.ProblemContentType);
    }

    public static IActionResult PayloadTooLarge(string instance) => Problem(new PaymentsProblem(
        PayloadTooLargeType,
        "The request body is too large.",
        StatusCodes.Status413PayloadTooLarge,
        $"Request bodies are limited to {RequestBody.MaxBytes} bytes.",
        instance));

    // The handlers' paths are already escaped, so they are appended as they are.
    private static Uri Absolute(HttpRequest request, string path) =>
        new(UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase).TrimEnd('/') + path, UriKind.Absolute);
}
