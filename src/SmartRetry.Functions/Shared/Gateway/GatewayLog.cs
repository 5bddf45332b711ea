using Microsoft.Extensions.Logging;

namespace SmartRetry.Functions.Shared.Gateway;

/// <summary>Structured log messages of the SmartRetry gateway. None carries card data.</summary>
internal static partial class GatewayLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "SmartRetry refused {Operation}: HTTP {StatusCode} {ReasonCode}, field {Field}, instance {Instance}")]
    public static partial void Refused(ILogger logger, string? operation, int statusCode, string? reasonCode, string? field, string? instance);
}
