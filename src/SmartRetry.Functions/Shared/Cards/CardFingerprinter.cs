using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace SmartRetry.Functions.Shared.Cards;

/// <summary>
/// A card's identity that is not card data: HMAC-SHA256 of the card number under <c>Payments:Cards:FingerprintKey</c>,
/// base64url (43 characters). The same card gives the same fingerprint in every series, so per-card limits hold across
/// series; without the key the number cannot be recovered from it, whereas a plain hash of a 16-digit number can be
/// brute-forced. It may therefore be kept in orchestration state and table rows.
/// </summary>
public sealed class CardFingerprinter
{
    private readonly byte[] _key;

    public CardFingerprinter(IOptions<CardFingerprintOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ValidateOptionsResult validation = new CardFingerprintOptionsValidator().Validate(null, options.Value);
        if (validation.Failed)
        {
            throw new OptionsValidationException(CardFingerprintOptions.SectionName, typeof(CardFingerprintOptions), validation.Failures);
        }

        TryDecodeKey(options.Value.FingerprintKey, out _key);
    }

    public string Compute(CardDetails card)
    {
        ArgumentNullException.ThrowIfNull(card);
        byte[] number = Encoding.ASCII.GetBytes(card.Number);
        try
        {
            return Base64Url.EncodeToString(HMACSHA256.HashData(_key, number));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(number);
        }
    }

    internal static bool TryDecodeKey(string? base64, out byte[] key)
    {
        key = [];
        if (string.IsNullOrWhiteSpace(base64))
        {
            return false;
        }

        var buffer = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64.Trim(), buffer, out int written) || written < CardFingerprintOptions.MinKeySizeInBytes)
        {
            return false;
        }

        key = buffer[..written];
        return true;
    }
}
