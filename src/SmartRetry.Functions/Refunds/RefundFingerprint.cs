using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace SmartRetry.Functions.Refunds;

/// <summary>
/// The idempotency fingerprint of a refund request: SHA-256 over a canonical JSON form (fixed field order, amount
/// without trailing zeros), so the same request sent with other whitespace, field order or <c>12.50</c> for
/// <c>12.5</c> matches and any real difference does not. A refund carries no card data, so a plain hash will do.
/// </summary>
public static class RefundFingerprint
{
    /// <summary>Stands where a sale's fingerprint names its HMAC key: this hash needs none.</summary>
    public const string HashKeyId = "sha256";

    public static string Compute(string originalPaymentId, ValidatedRefund refund)
    {
        ArgumentNullException.ThrowIfNull(refund);
        using var canonical = new MemoryStream();
        using (var json = new Utf8JsonWriter(canonical))
        {
            json.WriteStartArray();
            json.WriteStringValue(originalPaymentId);
            json.WriteStringValue(refund.RefundId);
            WriteOptional(json, refund.Amount?.ToString("G29", CultureInfo.InvariantCulture));
            WriteOptional(json, refund.Reason);
            json.WriteEndArray();
        }

        return Convert.ToBase64String(SHA256.HashData(canonical.ToArray()));
    }

    public static bool Matches(string originalPaymentId, ValidatedRefund refund, string hash) =>
        CryptographicOperations.FixedTimeEquals(Convert.FromBase64String(Compute(originalPaymentId, refund)), Convert.FromBase64String(hash));

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
}
