using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;

namespace SmartRetry.Functions.Tests.Shared.Http;

/// <summary>What an <see cref="IActionResult"/> actually wrote to an HTTP response.</summary>
internal sealed record ExecutedResponse(int StatusCode, IHeaderDictionary Headers, string? ContentType, string Body)
{
    public static async Task<ExecutedResponse> ExecuteAsync(IActionResult result, HttpContext? httpContext = null)
    {
        HttpContext http = httpContext ?? new DefaultHttpContext();
        using var body = new MemoryStream();
        http.Response.Body = body;

        await result.ExecuteResultAsync(new ActionContext(http, new RouteData(), new ActionDescriptor()));

        return new ExecutedResponse(http.Response.StatusCode, http.Response.Headers, http.Response.ContentType, System.Text.Encoding.UTF8.GetString(body.ToArray()));
    }
}
