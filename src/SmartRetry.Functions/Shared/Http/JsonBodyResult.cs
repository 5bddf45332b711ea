using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using SmartRetry.Functions.Shared.Serialization;

namespace SmartRetry.Functions.Shared.Http;

/// <summary>
/// A response whose body is written with <see cref="PaymentsJson.Options"/>, not with MVC's camelCase defaults, so the
/// HTTP API has the same JSON shape as orchestration inputs, outputs and custom status.
/// </summary>
internal sealed class JsonBodyResult(int statusCode, object body, string contentType) : IActionResult
{
    public const string JsonContentType = "application/json; charset=utf-8";
    public const string ProblemContentType = "application/problem+json; charset=utf-8";

    public int StatusCode { get; } = statusCode;

    public object Body { get; } = body;

    public string ContentType { get; } = contentType;

    /// <summary>Absolute URI for the <c>Location</c> header, if any.</summary>
    public Uri? Location { get; init; }

    /// <summary>The <c>Retry-After</c> header (whole seconds), if any.</summary>
    public TimeSpan? RetryAfter { get; init; }

    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        HttpResponse response = context.HttpContext.Response;
        response.StatusCode = StatusCode;
        response.ContentType = ContentType;
        if (Location is not null)
        {
            response.Headers.Location = Location.AbsoluteUri;
        }

        if (RetryAfter is { } retryAfter)
        {
            response.Headers.RetryAfter = ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await JsonSerializer.SerializeAsync(response.Body, Body, Body.GetType(), PaymentsJson.Options, context.HttpContext.RequestAborted);
    }
}
