namespace SmartRetry.Simulator.Pipeline;

/// <summary>Idempotency records by key (§5): in flight, or the stored non-5xx result with its expiry.</summary>
internal sealed class IdempotencyStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);

    /// <summary>Returns the existing entry for <paramref name="key"/>, or registers the caller as its owner (null).</summary>
    public Entry? BeginOrGet(string key, string fingerprint, DateTimeOffset now)
    {
        lock (gate)
        {
            if (entries.TryGetValue(key, out Entry? entry) && (entry.Result is null || entry.Result.ExpiresAt > now))
            {
                return entry;
            }

            entries[key] = new Entry(fingerprint);
            return null;
        }
    }

    public void Complete(string key, StoredResult result)
    {
        lock (gate)
        {
            Entry entry = entries[key];
            entry.Result = result;
            entry.Done.TrySetResult();
        }
    }

    /// <summary>5xx results are not stored: the key is free again.</summary>
    public void Abandon(string key)
    {
        lock (gate)
        {
            if (entries.Remove(key, out Entry? entry))
            {
                entry.Done.TrySetResult();
            }
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            entries.Clear();
        }
    }

    internal sealed class Entry(string fingerprint)
    {
        public string Fingerprint { get; } = fingerprint;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public StoredResult? Result { get; set; }
    }

    internal sealed record StoredResult(int StatusCode, string? ContentType, byte[] Body, DateTimeOffset ExpiresAt);
}
