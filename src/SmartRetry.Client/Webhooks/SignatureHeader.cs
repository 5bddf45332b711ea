namespace SmartRetry.Client.Webhooks;

/// <summary>
/// The parts of <c>t=&lt;seconds&gt;,v1=&lt;hex&gt;[,v1=&lt;hex&gt;...]</c>, read in place from the header value;
/// whitespace around a pair is tolerated and unknown keys are ignored for forward compatibility.
/// </summary>
internal readonly ref struct SignatureHeader
{
    private readonly ReadOnlySpan<char> header;

    private SignatureHeader(ReadOnlySpan<char> header, ReadOnlySpan<char> timestamp)
    {
        this.header = header;
        Timestamp = timestamp;
    }

    public ReadOnlySpan<char> Timestamp { get; }

    /// <summary>Checks the shape: every pair is <c>key=value</c> with a key, exactly one <c>t</c>, at least one <c>v1</c>.</summary>
    public static SignatureHeader Parse(ReadOnlySpan<char> header)
    {
        ReadOnlySpan<char> timestamp = default;
        bool hasTimestamp = false, hasSignature = false;
        foreach (Range range in header.Split(','))
        {
            ReadOnlySpan<char> pair = header[range].Trim();
            if (pair.IsEmpty)
            {
                continue;
            }

            int separator = pair.IndexOf('=');
            if (separator <= 0)
            {
                throw Malformed();
            }

            ReadOnlySpan<char> key = pair[..separator];
            if (key.SequenceEqual("t"))
            {
                timestamp = hasTimestamp ? throw Malformed() : pair[(separator + 1)..];
                hasTimestamp = true;
            }
            else if (key.SequenceEqual("v1"))
            {
                hasSignature = true;
            }
        }

        return hasTimestamp && hasSignature ? new SignatureHeader(header, timestamp) : throw Malformed();
    }

    /// <summary>The <c>v1</c> values, in order.</summary>
    public SignatureEnumerator Signatures => new(header);

    private static SignatureVerificationException Malformed() =>
        new(SignatureFailureReason.MalformedHeader, $"The {WebhookVerifier.SignatureHeaderName} header must be 't=<unix seconds>,v1=<hex>'.");
}

/// <summary>Walks the <c>v1</c> values of a header without copying them.</summary>
internal ref struct SignatureEnumerator
{
    private readonly ReadOnlySpan<char> header;
    private MemoryExtensions.SpanSplitEnumerator<char> pairs;

    public SignatureEnumerator(ReadOnlySpan<char> header)
    {
        this.header = header;
        pairs = header.Split(',');
    }

    public ReadOnlySpan<char> Current { get; private set; }

    public readonly SignatureEnumerator GetEnumerator() => this;

    public bool MoveNext()
    {
        while (pairs.MoveNext())
        {
            ReadOnlySpan<char> pair = header[pairs.Current].Trim();
            if (pair.StartsWith("v1="))
            {
                Current = pair[3..];
                return true;
            }
        }

        return false;
    }
}
