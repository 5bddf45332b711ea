using Microsoft.Extensions.Logging;
using SmartRetry.Simulator.Http;

namespace SmartRetry.Simulator.Pipeline;

/// <summary>Turns <see cref="ApiProblemException"/> into SmartRetry's problem body; anything else is a logged 500.</summary>
internal sealed partial class ProblemMiddleware(RequestDelegate next, ILogger<ProblemMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (ApiProblemException problem)
        {
            await ApiProblem.WriteAsync(context, problem);
        }
        catch (Exception exception) when (exception is not OperationCanceledException && !context.Response.HasStarted)
        {
            LogUnexpected(exception, context.Request.Path);
            await ApiProblem.WriteAsync(context, StatusCodes.Status500InternalServerError, "INTERNAL_ERROR", "The simulator failed unexpectedly.");
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected simulator failure on {Path}")]
    private partial void LogUnexpected(Exception exception, string path);
}
