using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using SmartRetry.Functions.Shared.Cards;

namespace SmartRetry.Functions.Shared.Charges;

/// <summary>
/// The idempotency fingerprint of a sale: HMAC-SHA256 over a canonical JSON form of the validated request (fixed field
/// order, amount without trailing zeros, time in UTC), so the same sale sent with other whitespace, field order or
/// <c>49.990</c> for <c>49.99</c> matches, and any real difference does not. The request holds a PAN, whose plain hash
/// could be brute-forced, so the HMAC key is a sub-key derived from a sealing key; the key id is kept beside the hash
/// so fingerprints stay comparable after the current key rotates.
/// </summary>
/// <remarks>
/// The CVV is not part of the fingerprint: it is kept for ever beside the payment, and PCI DSS 3.3.1.2 allows no form
/// of a CVV to outlive the authorization, hashed or not. So the same sale repeated with another CVV is the same sale.
/// Fingerprints made before that (with the CVV) are still recognised: <see cref="Matches"/> tries that form second.
/// </remarks>
public sealed class ChargeFingerprinter(SealingKeyRing keys)
{
    private const string Purpose = "sale-request-fingerprint";

    public ChargeFingerprint Compute(ValidatedCharge sale) => new(ComputeWith(keys.CurrentKeyId, sale, withCvv: false)!, keys.CurrentKeyId);

    /// <summary>True when <paramref name="sale"/> has fingerprint <paramref name="hash"/> under key <paramref name="keyId"/>; false also when that key is gone.</summary>
    public bool Matches(ValidatedCharge sale, string hash, string keyId)
    {
        ArgumentNullException.ThrowIfNull(hash);
        byte[] expected = Convert.FromBase64String(hash);
        return IsHash(ComputeWith(keyId, sale, withCvv: false), expected)
            || IsHash(ComputeWith(keyId, sale, withCvv: true), expected);
    }

    private static bool IsHash(string? computed, byte[] expected) =>
        computed is not null && CryptographicOperations.FixedTimeEquals(Convert.FromBase64String(computed), expected);

    private string? ComputeWith(string keyId, ValidatedCharge sale, bool withCvv)
    {
        ArgumentNullException.ThrowIfNull(sale);
        byte[]? key = keys.DeriveSubKey(keyId, Purpose);
        if (key is null)
        {
            return null;
        }

        // Sized for the largest valid request, so the buffer never grows and leaves unwiped copies behind.
        using var canonical = new MemoryStream(capacity: 4096);
        try
        {
            WriteCanonical(canonical, sale, withCvv);
            return Convert.ToBase64String(HMACSHA256.HashData(key, canonical.GetBuffer().AsSpan(0, (int)canonical.Length)));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(canonical.GetBuffer());
            CryptographicOperations.ZeroMemory(key);
        }
    }

    // withCvv: the form fingerprints had before the CVV was left out, only ever computed to recognise those.
    private static void WriteCanonical(Stream stream, ValidatedCharge sale, bool withCvv)
    {
        using var json = new Utf8JsonWriter(stream);
        json.WriteStartArray();
        json.WriteStringValue(sale.MerchantTransactionId);
        json.WriteStringValue(Normalise(sale.Amount));
        json.WriteStringValue(sale.Currency);
        json.WriteStringValue(sale.Card.Number);
        json.WriteNumberValue(sale.Card.ExpiryMonth);
        json.WriteNumberValue(sale.Card.ExpiryYear);
        if (withCvv)
        {
            WriteOptional(json, sale.Card.Cvv);
        }

        WriteOptional(json, sale.Card.HolderName);
        json.WriteStringValue(sale.Payer.FirstName);
        json.WriteStringValue(sale.Payer.LastName);
        json.WriteStringValue(sale.Payer.Email);
        WriteOptional(json, sale.Payer.PhoneNumber);
        WriteOptional(json, sale.Description);
        WriteOptional(json, sale.MerchantOrderId);
        WriteOptional(json, sale.ScheduledAt?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        json.WriteEndArray();
    }

    private static void WriteOptional(Utf8JsonWriter json, string? value)
    {
        if (value is null)
        {
            json.WriteNullValue();
        }
        else
        {
            json.WriteStringValue(value);
        }
    }

    // 49.990 and 49.99 are the same amount: the G29 format drops trailing zeros without rounding.
    private static string Normalise(decimal amount) => amount.ToString("G29", CultureInfo.InvariantCulture);
}

/// <summary>A request's keyed hash (base64) and the id of the key it was made with.</summary>
public sealed record ChargeFingerprint(string Hash, string KeyId);
