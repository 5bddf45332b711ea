namespace SmartRetry.Functions.Series.MerchantManaged;

/// <summary>
/// What a merchant-managed series does when a charge is declined hard or do-not-retry (lost, stolen, closed card,
/// fraud, revoked authorization): that card must not be charged again automatically.
/// </summary>
public enum HardDeclineAction
{
    /// <summary>The series is paused and flagged as needing a new payment method; the merchant resumes it.</summary>
    Pause,

    /// <summary>The series is cancelled, at SmartRetry too.</summary>
    CancelSeries,

    /// <summary>The series stays active and the next cycle charges the same card: only for merchants who handle this themselves.</summary>
    StayActive,
}
