namespace SmartRetry.Functions.Series.MerchantManaged;

/// <summary>What a merchant-managed series does when a cycle stays unpaid after dunning; hard declines follow <see cref="HardDeclineAction"/>.</summary>
public enum DunningExhaustedAction
{
    /// <summary>The series stays active; the next cycle is charged on its date.</summary>
    StayActive,

    /// <summary>The series is cancelled, at SmartRetry too.</summary>
    CancelSeries,
}
