using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace SmartRetry.Functions.Shared.Http;

/// <summary>
/// The one place every HTTP function's failures become answers, so no route ever hands the host an exception (which
/// it would answer with a bare 500): a body that is not <c>application/json</c> is refused with 415 before the
/// function runs; storage or the Durable host failing or not answering becomes 503 problem details with
/// <c>Retry-After</c> (<see cref="DependencyFailures"/>); anything else, a defect of ours, 500 problem details with
/// nothing of the exception in it. Other triggers pass through untouched.
/// </summary>
/// <remarks>
/// Registered after <c>ConfigureFunctionsWebApplication</c>, so it runs inside the ASP.NET Core integration's own
/// middleware, which executes whatever <see cref="IActionResult"/> the invocation result holds once this returns.
/// </remarks>
internal sealed partial class HttpProblemsMiddleware(ILogger<HttpProblemsMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        HttpContext? http = context.GetHttpContext();
        if (http is null)
        {
            await next(context);
            return;
        }

        string instance = http.Request.Path.ToString();
        if (!RequestBody.HasJsonOrNoBody(http.Request))
        {
            LogUnsupportedMediaType(logger, context.FunctionDefinition.Name);
            Answer(context, ApiResults.UnsupportedMediaType(instance));
            return;
        }

        try
        {
            await next(context);
        }
        catch (Exception) when (http.RequestAborted.IsCancellationRequested)
        {
            // The caller is gone: there is nobody to answer.
        }
        catch (Exception exception) when (DependencyFailures.IsUnavailable(exception))
        {
            LogUnavailable(logger, context.FunctionDefinition.Name, exception);
            Answer(context, ApiResults.Unavailable(instance));
        }
        catch (Exception exception)
        {
            LogFailed(logger, context.FunctionDefinition.Name, exception);
            Answer(context, ApiResults.InternalError(instance));
        }
    }

    private static void Answer(FunctionContext context, IActionResult result) => context.GetInvocationResult().Value = result;

    [LoggerMessage(Level = LogLevel.Information, Message = "{Function} refused a body that is not application/json")]
    private static partial void LogUnsupportedMediaType(ILogger logger, string function);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Function} answered 503: a dependency (storage or the Durable host) failed or did not answer in time")]
    private static partial void LogUnavailable(ILogger logger, string function, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Function} failed unexpectedly; answered 500")]
    private static partial void LogFailed(ILogger logger, string function, Exception exception);
}
