namespace SmartRetry.Functions.Shared.Cards;

/// <summary>
/// Configuration section <c>Payments:Sealing</c>: the AES-256 keys card envelopes are sealed with. New envelopes use
/// <see cref="CurrentKeyId"/>; every key in <see cref="Keys"/> can still open envelopes sealed with it, so a key is
/// rotated by adding a new one, making it current, and removing the old one once no instance in flight uses it.
/// </summary>
public sealed class CardSealingOptions
{
    public const string SectionName = "Payments:Sealing";

    public string CurrentKeyId { get; set; } = "";

    /// <summary>Key id → base64 of exactly 32 random bytes (a secret: a Key Vault reference in Azure).</summary>
    public IDictionary<string, string> Keys { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
