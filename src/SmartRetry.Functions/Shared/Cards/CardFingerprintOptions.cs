using Microsoft.Extensions.Options;

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
