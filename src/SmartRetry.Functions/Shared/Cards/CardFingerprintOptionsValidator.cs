using Microsoft.Extensions.Options;

namespace SmartRetry.Functions.Shared.Cards;

/// <summary>Fails start-up with an error naming the setting when the fingerprint key is missing or too short. Never echoes the key.</summary>
public sealed class CardFingerprintOptionsValidator : IValidateOptions<CardFingerprintOptions>
{
    public ValidateOptionsResult Validate(string? name, CardFingerprintOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.FingerprintKey))
        {
            return ValidateOptionsResult.Fail(
                $"Payments:Cards:FingerprintKey is required: the base64 of at least {CardFingerprintOptions.MinKeySizeInBytes} random bytes that card fingerprints are keyed with.");
        }

        return CardFingerprinter.TryDecodeKey(options.FingerprintKey, out _)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Payments:Cards:FingerprintKey must be the base64 encoding of at least {CardFingerprintOptions.MinKeySizeInBytes} bytes.");
    }
}
