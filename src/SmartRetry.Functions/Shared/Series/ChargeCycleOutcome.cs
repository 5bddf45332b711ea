namespace SmartRetry.Functions.Shared.Series;

public enum ChargeCycleOutcome
{
    Approved,

    /// <summary>Declined, and no further attempt will be made (hard decline, or dunning exhausted).</summary>
    Declined,

    /// <summary>Not attempted: the card already had the maximum attempts in the last 30 days.</summary>
    Skipped,

    /// <summary>The series was paused or cancelled while the cycle waited to re-attempt.</summary>
    Interrupted,

    /// <summary>SmartRetry's outcome could not be learned (UNKNOWN, deadline, outage): a person must look; never retried blindly.</summary>
    Unresolved,
}
