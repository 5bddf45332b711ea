using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using SmartRetry.Functions.Shared.Problems;

namespace SmartRetry.Functions.Shared.Http;

/// <summary>
/// The only way HTTP functions answer: JSON in the app's shape, and RFC 9457 problem details
/// (<c>application/problem+json</c>) for every client error, so each route stays a one-line translation of the
/// handler's <see cref="HandlerResult{T}"/>.
/// </summary>
public static class ApiResults
{
    /// <summary>The problem type of a body above <see cref="RequestBody.MaxBytes"/>.</summary>
    public const string PayloadTooLargeType = "/problems/payload-too-large";

    /// <summary>The problem type of a body that is not <c>application/json</c>.</summary>
    public const string UnsupportedMediaTypeType = "/problems/unsupported-media-type";

    /// <summary>The problem type of a defect of ours: the answer says nothing more, the log says what happened.</summary>
    public const string InternalErrorType = "/problems/internal-error";

    /// <summary>What a 503 asks the caller to wait before repeating the request.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

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

    public static IActionResult UnsupportedMediaType(string instance) => Problem(new PaymentsProblem(
        UnsupportedMediaTypeType,
        "The request body must be JSON.",
        StatusCodes.Status415UnsupportedMediaType,
        "Send the body with Content-Type: application/json (UTF-8).",
        instance));

    /// <summary>Storage or the Durable host failed or did not answer in time: nothing was left half-done, so the same request may be repeated.</summary>
    public static IActionResult Unavailable(string instance) => new JsonBodyResult(
        StatusCodes.Status503ServiceUnavailable,
        new PaymentsProblem(
            ProblemTypes.TemporarilyUnavailable,
            "The service is temporarily unavailable.",
            StatusCodes.Status503ServiceUnavailable,
            "A service this request depends on did not answer in time. Repeat the same request after Retry-After: it completes, or answers as the first one did.",
            instance),
        JsonBodyResult.ProblemContentType)
    {
        RetryAfter = RetryAfter,
    };

    public static IActionResult InternalError(string instance) => Problem(new PaymentsProblem(
        InternalErrorType,
        "The request failed unexpectedly.",
        StatusCodes.Status500InternalServerError,
        "The failure is logged. Repeating the same request is safe.",
        instance));

    // The handlers' paths are already escaped, so they are appended as they are.
    private static Uri Absolute(HttpRequest request, string path) =>
        new(UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase).TrimEnd('/') + path, UriKind.Absolute);
}
