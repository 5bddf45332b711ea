using System.Text.Json;

namespace SmartRetry.Client.Errors;

/// <summary>
/// Base of every error the client raises for a SmartRetry call. When SmartRetry answered, <see cref="StatusCode"/> and the
/// problem-details fields say what it said; messages never carry the API key or card data.
/// </summary>
public class SmartRetryException : Exception
{
    private static readonly IReadOnlyDictionary<string, JsonElement> NoContext = new Dictionary<string, JsonElement>();

    public SmartRetryException()
    {
    }

    public SmartRetryException(string message)
        : base(message)
    {
    }

    public SmartRetryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <param name="statusCode">The HTTP status, or null when no response was received.</param>
    public SmartRetryException(string message, int? statusCode, SmartRetryProblem? problem, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Problem = problem;
    }

    /// <summary>The HTTP status, or null when SmartRetry was not reached (or the client refused the request itself).</summary>
    public int? StatusCode { get; }

    /// <summary>The parsed error body, or null when there was none or it was not problem-details JSON.</summary>
    public SmartRetryProblem? Problem { get; }

    public string? ReasonCode => Problem?.ReasonCode;

    public string? Title => Problem?.Title;

    public string? Detail => Problem?.Detail;

    public string? Instance => Problem?.Instance;

    public IReadOnlyDictionary<string, JsonElement> Context => Problem?.Context ?? NoContext;

    /// <summary>The operation, e.g. <c>Payments.Sale</c>.</summary>
    public string? Operation { get; init; }

    /// <summary>The idempotency key the request carried: retry with it only if the request was not changed.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>
    /// How long SmartRetry asked us to wait before trying again (<c>Retry-After</c>, or <c>context.retry_after_seconds</c>
    /// on a 429), when it said; set on a 429 or 5xx the client gave up on, e.g. because the wait exceeded
    /// <see cref="SmartRetryRetryOptions.MaxRetryAfter"/>, so the caller can schedule the retry itself.
    /// </summary>
    public TimeSpan? RetryAfter { get; init; }
}
