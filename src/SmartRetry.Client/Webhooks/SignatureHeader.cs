namespace SmartRetry.Client.Webhooks;

/// <summary>The parts of <c>t=&lt;seconds&gt;,v1=&lt;hex&gt;[,v1=&lt;hex&gt;...]</c>; unknown keys are ignored for forward compatibility.</summary>
internal sealed record SignatureHeader(string Timestamp, IReadOnlyList<string> Signatures)
{
    public static SignatureHeader Parse(string header)
    {
        string? timestamp = null;
        var signatures = new List<string>(capacity: 1);
        foreach (string part in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            int separator = part.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0)
            {
                throw Malformed();
            }

            string key = part[..separator];
            string value = part[(separator + 1)..];
            if (key == "t")
            {
                if (timestamp is not null)
                {
                    throw Malformed();
                }

                timestamp = value;
            }
            else if (key == "v1")
            {
                signatures.Add(value);
            }
        }

        return timestamp is null || signatures.Count == 0 ? throw Malformed() : new SignatureHeader(timestamp, signatures);
    }

    private static SignatureVerificationException Malformed() =>
        new(SignatureFailureReason.MalformedHeader, $"The {WebhookVerifier.SignatureHeaderName} header must be 't=<unix seconds>,v1=<hex>'.");
}
