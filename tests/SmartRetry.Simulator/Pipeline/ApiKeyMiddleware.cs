using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using SmartRetry.Simulator.Http;

namespace SmartRetry.Simulator.Pipeline;

/// <summary><c>x-api-key</c> (401 <c>INVALID_API_KEY</c>) and the terminal in the path (403 <c>TERMINAL_NOT_FOUND</c>), §1.2.</summary>
internal sealed class ApiKeyMiddleware(RequestDelegate next, IOptions<SmartRetrySimulatorOptions> options)
{
    private readonly byte[] apiKey = Encoding.UTF8.GetBytes(options.Value.ApiKey);

    public Task InvokeAsync(HttpContext context)
    {
        string? presented = context.Request.Headers["x-api-key"];
        if (presented is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), apiKey))
        {
            return ApiProblem.WriteAsync(context, StatusCodes.Status401Unauthorized, "INVALID_API_KEY", "The x-api-key header is missing, malformed or revoked.");
        }

        if (context.GetRouteValue("terminal_friendly_id") is string terminal && !string.Equals(terminal, options.Value.TerminalId, StringComparison.Ordinal))
        {
            return ApiProblem.WriteAsync(context, StatusCodes.Status403Forbidden, "TERMINAL_NOT_FOUND", $"Terminal {terminal} is not accessible with this API key.",
                new Dictionary<string, object?> { ["terminal_friendly_id"] = terminal });
        }

        return next(context);
    }
}
