namespace SmartRetry.Client;

/// <summary>
/// How to reach SmartRetry and how hard to try. Bound from the <c>SmartRetry</c> configuration section by
/// <c>AddSmartRetryClient</c> and validated at start-up.
/// </summary>
public sealed class SmartRetryClientOptions
{
    /// <summary>The configuration section the options bind from.</summary>
    public const string SectionName = "SmartRetry";

    /// <summary>Production and sandbox share this host; the API key and terminal decide the environment.</summary>
    public static readonly Uri DefaultBaseUrl = new("https://api.smartretry.com");

    /// <summary>The API's base URL (the local simulator is <c>http://127.0.0.1:5080</c>).</summary>
    public Uri BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>Sent as <c>x-api-key</c>; never logged.</summary>
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>The 6-character terminal every payment path is scoped to.</summary>
    public string TerminalId { get; set; } = string.Empty;

    /// <summary>The secret SmartRetry signs webhooks with; only needed to verify webhooks.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>How far a webhook's signature time may be from now, in either direction (SmartRetry: 300 s).</summary>
    public TimeSpan WebhookTolerance { get; set; } = TimeSpan.FromSeconds(300);

    /// <summary>How long one HTTP attempt may take before it is abandoned (and retried).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a call may take across all its attempts and waits.</summary>
    public TimeSpan OverallTimeout { get; set; } = TimeSpan.FromMinutes(3);

    public SmartRetryRetryOptions Retry { get; set; } = new();

    /// <summary>
    /// When SmartRetry reports <c>X-RateLimit-Remaining: 0</c>, hold the next calls until <c>X-RateLimit-Reset</c> instead
    /// of letting them run into 429s.
    /// </summary>
    public bool WaitForRateLimitReset { get; set; }
}
