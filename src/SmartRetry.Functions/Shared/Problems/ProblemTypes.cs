namespace SmartRetry.Functions.Shared.Problems;

/// <summary>The <c>type</c> URIs of our problem details (relative references, as RFC 9457 allows).</summary>
public static class ProblemTypes
{
    public const string InvalidRequest = "/problems/invalid-request";
    public const string NotFound = "/problems/not-found";
    public const string IdempotencyConflict = "/problems/idempotency-conflict";
    public const string RequestInProgress = "/problems/request-in-progress";
    public const string NotCancellable = "/problems/not-cancellable";
    public const string NotRefundable = "/problems/not-refundable";
    public const string InvalidSignature = "/problems/invalid-signature";
    public const string TemporarilyUnavailable = "/problems/temporarily-unavailable";
}
