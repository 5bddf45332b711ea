namespace SmartRetry.Simulator.Domain;

/// <summary>A published decline code (§3.3) with the domain it comes from and whether SmartRetry retries it.</summary>
internal sealed record DeclineReason(string Code, string Domain, string Name, bool IsSoft)
{
    public string Description => IsSoft ? $"{Name} (soft decline)." : $"{Name} (hard decline; not retried).";

    public static DeclineReason InsufficientFunds { get; } = new("INSUFFICIENT_FUNDS", "PAYER_ACCOUNT", "Insufficient Funds", IsSoft: true);

    public static DeclineReason DoNotHonor { get; } = new("DO_NOT_HONOR", "AUTH", "Do Not Honor", IsSoft: true);

    public static DeclineReason CvvFailure { get; } = new("CVV_FAILURE", "PAYMENT_METHOD", "CVV Failure", IsSoft: true);

    public static DeclineReason ThreeDsChallengeFailed { get; } = new("3DS_CHALLENGE_FAILED", "AUTH", "3DS Challenge Failed", IsSoft: true);

    public static DeclineReason DuplicateTransaction { get; } = new("DUPLICATE_TRANSACTION", "PROCESSOR", "Duplicate Transaction", IsSoft: true);

    public static DeclineReason VelocityLimit { get; } = new("VELOCITY_LIMIT", "PROCESSOR", "Velocity Limit", IsSoft: true);

    public static DeclineReason AmountLimitExceeded { get; } = new("AMOUNT_LIMIT_EXCEEDED", "PAYER_ACCOUNT", "Amount Limit Exceeded", IsSoft: true);

    public static DeclineReason CardRestricted { get; } = new("CARD_RESTRICTED", "PAYMENT_METHOD", "Card Restricted", IsSoft: true);

    public static DeclineReason ExpiredCard { get; } = new("EXPIRED_CARD", "PAYMENT_METHOD", "Expired Card", IsSoft: false);

    public static DeclineReason FraudSuspected { get; } = new("FRAUD_SUSPECTED", "RISK", "Fraud Suspected", IsSoft: false);

    public static DeclineReason StolenCard { get; } = new("STOLEN_CARD", "PAYER_ACCOUNT", "Stolen Card", IsSoft: false);

    public static DeclineReason LostCard { get; } = new("LOST_CARD", "PAYER_ACCOUNT", "Lost Card", IsSoft: false);

    public static DeclineReason InvalidCard { get; } = new("INVALID_CARD", "PAYMENT_METHOD", "Invalid Card", IsSoft: false);

    public static DeclineReason GenericIssuerDecline { get; } = new("GENERIC_ISSUER_DECLINE", "AUTH", "Declined", IsSoft: false);

    /// <summary>The soft declines of §3.3, in the order of the outcome conventions' cents.</summary>
    public static IReadOnlyList<DeclineReason> Soft { get; } =
        [InsufficientFunds, DoNotHonor, CvvFailure, ThreeDsChallengeFailed, DuplicateTransaction, VelocityLimit, AmountLimitExceeded, CardRestricted];

    /// <summary>The hard declines of §3.3, in the order of the outcome conventions' cents.</summary>
    public static IReadOnlyList<DeclineReason> Hard { get; } = [ExpiredCard, FraudSuspected, StolenCard, LostCard, InvalidCard];
}
