using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using SmartRetry.Payments.Cards;

namespace SmartRetry.Payments.Charges;

/// <summary>
/// The idempotency fingerprint of a sale: HMAC-SHA256 over a canonical JSON form of the validated request (fixed field
/// order, amount without trailing zeros, time in UTC), so the same sale sent with other whitespace, field order or
/// <c>49.990</c> for <c>49.99</c> matches, and any real difference does not. The request holds a PAN, whose plain hash
/// could be brute-forced, so the HMAC key is a sub-key derived from a sealing key; the key id is kept beside the hash
/// so fingerprints stay comparable after the current key rotates.
/// </summary>
public sealed class ChargeFingerprinter(SealingKeyRing keys)
{
    private const string Purpose = "sale-request-fingerprint";

    public ChargeFingerprint Compute(ValidatedCharge sale) => new(ComputeWith(keys.CurrentKeyId, sale)!, keys.CurrentKeyId);

    /// <summary>True when <paramref name="sale"/> has fingerprint <paramref name="hash"/> under key <paramref name="keyId"/>; false also when that key is gone.</summary>
    public bool Matches(ValidatedCharge sale, string hash, string keyId)
    {
        ArgumentNullException.ThrowIfNull(hash);
        string? computed = ComputeWith(keyId, sale);
        return computed is not null && CryptographicOperations.FixedTimeEquals(Convert.FromBase64String(computed), Convert.FromBase64String(hash));
    }

    private string? ComputeWith(string keyId, ValidatedCharge sale)
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
            WriteCanonical(canonical, sale);
            return Convert.ToBase64String(HMACSHA256.HashData(key, canonical.GetBuffer().AsSpan(0, (int)canonical.Length)));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(canonical.GetBuffer());
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private static void WriteCanonical(Stream stream, ValidatedCharge sale)
    {
        using var json = new Utf8JsonWriter(stream);
        json.WriteStartArray();
        json.WriteStringValue(sale.MerchantTransactionId);
        json.WriteStringValue(Normalise(sale.Amount));
        json.WriteStringValue(sale.Currency);
        json.WriteStringValue(sale.Card.Number);
        json.WriteNumberValue(sale.Card.ExpiryMonth);
        json.WriteNumberValue(sale.Card.ExpiryYear);
        WriteOptional(json, sale.Card.Cvv);
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
