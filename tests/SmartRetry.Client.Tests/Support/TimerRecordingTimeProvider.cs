using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace SmartRetry.Client.Tests.Support;

/// <summary>
/// A fake clock that reports every timer the client schedules, so a test can wait until the client is actually
/// waiting (e.g. out a Retry-After) before it advances the clock: no sleeping, no race.
/// </summary>
public sealed class TimerRecordingTimeProvider : FakeTimeProvider
{
    private readonly Channel<TimeSpan> scheduled = Channel.CreateUnbounded<TimeSpan>();

    public TimerRecordingTimeProvider()
        : base(new DateTimeOffset(2026, 4, 1, 12, 0, 0, TimeSpan.Zero))
    {
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new RecordingTimer(base.CreateTimer(callback, state, dueTime, period), dueTime, scheduled.Writer);

    /// <summary>Completes once a timer due in exactly <paramref name="dueTime"/> has been scheduled.</summary>
    public async Task WaitForTimerAsync(TimeSpan dueTime)
    {
        // A guard against a hung test, on the real clock; it never paces the test.
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await scheduled.Reader.ReadAsync(guard.Token) != dueTime)
        {
        }
    }

    private sealed class RecordingTimer : ITimer
    {
        private readonly ITimer inner;
        private readonly ChannelWriter<TimeSpan> scheduled;

        public RecordingTimer(ITimer inner, TimeSpan dueTime, ChannelWriter<TimeSpan> scheduled)
        {
            this.inner = inner;
            this.scheduled = scheduled;
            Record(dueTime);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            bool changed = inner.Change(dueTime, period);
            Record(dueTime);
            return changed;
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();

        private void Record(TimeSpan dueTime)
        {
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                scheduled.TryWrite(dueTime);
            }
        }
    }
}
