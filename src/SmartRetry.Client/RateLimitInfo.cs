namespace SmartRetry.Client;

/// <summary>The <c>X-RateLimit-*</c> headers of a response.</summary>
/// <param name="Limit">Requests allowed in the window.</param>
/// <param name="Remaining">Requests left in the window.</param>
/// <param name="Reset">When the window resets.</param>
public sealed record RateLimitInfo(int? Limit, int? Remaining, DateTimeOffset? Reset);
