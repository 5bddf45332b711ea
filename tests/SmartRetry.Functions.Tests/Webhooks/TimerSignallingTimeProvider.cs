using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace SmartRetry.Functions.Tests.Webhooks;

/// <summary>A virtual clock that reports each timer created on it, so a test advances time exactly when code is waiting.</summary>
internal sealed class TimerSignallingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ITimer timer = base.CreateTimer(callback, state, dueTime, period);
        _timers.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>Waits for the next timer to be created and returns its due time.</summary>
    public ValueTask<TimeSpan> NextTimerAsync() => _timers.Reader.ReadAsync();
}
