namespace SmartRetry.Functions.Series.MerchantManaged;

/// <summary>An approved attempt whose reserved slot no longer counts against the card.</summary>
public sealed record CardAttemptRelease(string CardFingerprint, string AttemptId);
