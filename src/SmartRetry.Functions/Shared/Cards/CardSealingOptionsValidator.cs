using Microsoft.Extensions.Options;

namespace SmartRetry.Functions.Shared.Cards;

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
