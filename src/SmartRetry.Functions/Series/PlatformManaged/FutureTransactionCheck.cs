namespace SmartRetry.Functions.Series.PlatformManaged;

/// <summary>What the check after a future transaction's date found.</summary>
public enum FutureTransactionCheck
{
    /// <summary>It ran (SmartRetry: completed); the executed transaction is recorded.</summary>
    Ran,

    /// <summary>It ran and failed even after SmartRetry's retries.</summary>
    Failed,

    /// <summary>It was skipped (cancelled) before running.</summary>
    Cancelled,

    /// <summary>It should have run by now and did not: flagged for a person.</summary>
    Missed,
}
