using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace SmartRetry.Functions.Shared.Cards;

/// <summary>
/// The configured sealing keys, decoded once. Besides sealing cards (<see cref="AesGcmCardSealer"/>) each key yields,
/// through HKDF, independent sub-keys for keyed fingerprints (<see cref="DeriveSubKey"/>), so no AES key is ever used
/// for two purposes.
/// </summary>
public sealed class SealingKeyRing
{
    public const int KeySizeInBytes = 32;
    public const int MaxKeyIdLength = 64;

    private readonly Dictionary<string, byte[]> _keys;

    public SealingKeyRing(IOptions<CardSealingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        CardSealingOptions value = options.Value;
        ValidateOptionsResult validation = new CardSealingOptionsValidator().Validate(null, value);
        if (validation.Failed)
        {
            throw new OptionsValidationException(CardSealingOptions.SectionName, typeof(CardSealingOptions), validation.Failures);
        }

        CurrentKeyId = value.CurrentKeyId;
        _keys = value.Keys.ToDictionary(
            pair => pair.Key,
            pair => TryDecodeKey(pair.Value, out byte[]? key) ? key : throw new InvalidOperationException("Unreachable: keys were validated."),
            StringComparer.Ordinal);
    }

    public string CurrentKeyId { get; }

    public bool TryGetKey(string keyId, out byte[] key)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        if (_keys.TryGetValue(keyId, out byte[]? found))
        {
            key = found;
            return true;
        }

        key = [];
        return false;
    }

    /// <summary>A 32-byte sub-key of key <paramref name="keyId"/> for one purpose; null when the key is not configured.</summary>
    public byte[]? DeriveSubKey(string keyId, string purpose)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        return TryGetKey(keyId, out byte[] key)
            ? HKDF.DeriveKey(HashAlgorithmName.SHA256, key, KeySizeInBytes, salt: [], info: Encoding.UTF8.GetBytes("smartretry-payments/" + purpose))
            : null;
    }

    internal static bool IsValidKeyId(string keyId) =>
        keyId.Length is > 0 and <= MaxKeyIdLength && keyId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    internal static bool TryDecodeKey(string? base64, out byte[] key)
    {
        key = [];
        if (string.IsNullOrWhiteSpace(base64))
        {
            return false;
        }

        var buffer = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64.Trim(), buffer, out int written) || written != KeySizeInBytes)
        {
            return false;
        }

        key = buffer[..KeySizeInBytes];
        return true;
    }
}
