using Microsoft.Extensions.Logging;

namespace SmartRetry.Functions.Tests.TestHost;

internal static partial class TestLogMessages
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Step {Value}")]
    public static partial void LogStep(this ILogger logger, int value);
}
