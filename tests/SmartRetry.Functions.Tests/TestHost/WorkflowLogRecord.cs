using Microsoft.Extensions.Logging;

namespace SmartRetry.Functions.Tests.TestHost;

/// <summary>One line an orchestration logged through its replay-safe logger, with every structured value it carried.</summary>
public sealed record WorkflowLogRecord(string InstanceId, string Category, LogLevel Level, string Message, IReadOnlyList<string> Values, string? Exception)
{
    /// <summary>Everything the line holds as text, for tests that search logs for data that must not be there.</summary>
    public IEnumerable<string> Texts => new[] { Message, Exception }.Concat(Values).OfType<string>();
}
