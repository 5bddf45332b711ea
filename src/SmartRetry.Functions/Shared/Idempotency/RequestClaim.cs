namespace SmartRetry.Functions.Shared.Idempotency;

/// <summary>What a request learnt from claiming its idempotency key, and the record it now holds or found.</summary>
public sealed record RequestClaim(RequestClaimOutcome Outcome, IdempotencyRecord Record);

public enum RequestClaimOutcome
{
    /// <summary>This request holds the claim and must carry the request out, then complete or release the claim.</summary>
    Claimed,

    /// <summary>The key was used for a different request.</summary>
    Conflict,

    /// <summary>An identical request was carried out already: answer as it was answered.</summary>
    Completed,

    /// <summary>An identical request is being carried out right now: ask the caller to retry shortly.</summary>
    InProgress,
}
