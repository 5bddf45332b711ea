using Microsoft.Extensions.Logging;
using SmartRetry.Payments.Workflows;

namespace SmartRetry.Testing.Workflows;

/// <summary>Drops log calls while the workflow replays, like Durable's replay-safe logger.</summary>
internal sealed class ReplaySafeLogger(IWorkflowContext context, ILogger inner) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => !context.IsReplaying && inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!context.IsReplaying)
        {
            inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
