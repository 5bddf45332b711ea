namespace SmartRetry.Functions.Shared.Cards;

/// <summary>
/// Configuration section <c>Payments:Cards</c>: the secret key card fingerprints are computed with. It is separate
/// from the sealing keys because a fingerprint must stay the same for as long as per-card limits look back: rotating
/// it makes every card look new, so change it only deliberately.
/// </summary>
public sealed class CardFingerprintOptions
{
    public const string SectionName = "Payments:Cards";
    public const int MinKeySizeInBytes = 32;

    /// <summary>Base64 of at least <see cref="MinKeySizeInBytes"/> random bytes (a secret: a Key Vault reference in Azure).</summary>
    public string FingerprintKey { get; set; } = "";
}
