namespace SmartRetry.Functions.Shared.Declines;

/// <summary>A classified decline.</summary>
/// <param name="Reason">The bare reason, upper case (e.g. <c>INSUFFICIENT_FUNDS</c>), or empty when none was given.</param>
/// <param name="Domain">The domain prefix when the code carried one (e.g. <c>PAYER_ACCOUNT</c>).</param>
/// <param name="IsKnownCode">False when the reason is not in the table and the category is a defensive default.</param>
public sealed record DeclineClassification(DeclineCategory Category, string Reason, string? Domain, bool IsKnownCode)
{
    public bool MayRetry => Category == DeclineCategory.Soft;
}

/// <summary>What a decline means for trying the same card again (https://www.smartretry.com/docs/concepts/decline-codes).</summary>
public enum DeclineCategory
{
    /// <summary>Temporary (funds, limits, transient issuer or network trouble): a later attempt may succeed.</summary>
    Soft,

    /// <summary>Permanent for this card (lost, stolen, closed, invalid, expired): the payer must give a new payment method.</summary>
    Hard,

    /// <summary>Not a card condition, but another attempt cannot help or is not allowed (validation, policy, revoked authorization, unclassified codes).</summary>
    DoNotRetry,
}
