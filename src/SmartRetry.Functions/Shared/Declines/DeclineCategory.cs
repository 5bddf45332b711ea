namespace SmartRetry.Functions.Shared.Declines;

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
