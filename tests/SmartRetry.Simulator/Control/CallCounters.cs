using System.Collections.Concurrent;

namespace SmartRetry.Simulator.Control;

/// <summary>How often each endpoint (by method and route pattern) and each Idempotency-Key was called.</summary>
internal sealed class CallCounters
{
    private readonly ConcurrentDictionary<string, int> endpoints = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> idempotencyKeys = new(StringComparer.Ordinal);
    private int delayed;

    public IReadOnlyDictionary<string, int> Endpoints => new SortedDictionary<string, int>(endpoints, StringComparer.Ordinal);

    public IReadOnlyDictionary<string, int> IdempotencyKeys => new SortedDictionary<string, int>(idempotencyKeys, StringComparer.Ordinal);

    /// <summary>Calls currently held by injected latency (their delay timer already runs, so moving the clock releases them).</summary>
    public int Delayed => Volatile.Read(ref delayed);

    public void EnterDelay() => Interlocked.Increment(ref delayed);

    public void LeaveDelay() => Interlocked.Decrement(ref delayed);

    public void CountEndpoint(string endpoint) => endpoints.AddOrUpdate(endpoint, 1, (_, count) => count + 1);

    public void CountIdempotencyKey(string key) => idempotencyKeys.AddOrUpdate(key, 1, (_, count) => count + 1);

    public void Clear()
    {
        endpoints.Clear();
        idempotencyKeys.Clear();
    }
}
