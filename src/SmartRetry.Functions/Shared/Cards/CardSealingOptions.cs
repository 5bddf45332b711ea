using Microsoft.Extensions.Options;

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

/// <summary>Fails start-up with an error naming the setting when the sealing keys are missing or malformed. Never echoes a key.</summary>
public sealed class CardSealingOptionsValidator : IValidateOptions<CardSealingOptions>
{
    public ValidateOptionsResult Validate(string? name, CardSealingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.CurrentKeyId))
        {
            failures.Add("Payments:Sealing:CurrentKeyId is required: the id of the key that seals new card envelopes.");
        }
        else if (!options.Keys.ContainsKey(options.CurrentKeyId))
        {
            failures.Add($"Payments:Sealing:Keys:{options.CurrentKeyId} is missing: Payments:Sealing:CurrentKeyId names a key that is not configured.");
        }

        foreach ((string keyId, string key) in options.Keys)
        {
            if (!SealingKeyRing.IsValidKeyId(keyId))
            {
                failures.Add($"Payments:Sealing:Keys:{keyId} has an invalid key id: use 1 to {SealingKeyRing.MaxKeyIdLength} letters, digits, '-' or '_'.");
            }
            else if (!SealingKeyRing.TryDecodeKey(key, out _))
            {
                failures.Add($"Payments:Sealing:Keys:{keyId} must be the base64 encoding of exactly {SealingKeyRing.KeySizeInBytes} bytes (an AES-256 key).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
