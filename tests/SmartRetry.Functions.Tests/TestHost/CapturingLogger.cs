using System.Globalization;
using Microsoft.Extensions.Logging;

namespace SmartRetry.Functions.Tests.TestHost;

/// <summary>Records what an orchestration logs (message, structured values, exception) and forwards it to the test's own logger.</summary>
internal sealed class CapturingLogger(string instanceId, string category, ICollection<WorkflowLogRecord> sink, ILogger inner) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        IReadOnlyList<string> values = state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? [.. pairs.Select(p => Convert.ToString(p.Value, CultureInfo.InvariantCulture)).OfType<string>()]
            : [];
        sink.Add(new WorkflowLogRecord(instanceId, category, logLevel, formatter(state, exception), values, exception?.ToString()));
        inner.Log(logLevel, eventId, state, exception, formatter);
    }
}

/// <summary>The loggers an orchestration's context hands out: each records into the host's log and forwards to the test's logger.</summary>
internal sealed class CapturingLoggerFactory(string instanceId, ICollection<WorkflowLogRecord> sink, ILoggerFactory inner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new CapturingLogger(instanceId, categoryName, sink, inner.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException("The capturing logger factory takes no providers.");

    public void Dispose()
    {
    }
}
