using System.Security.Cryptography;
using System.Text;

namespace SmartRetry.Payments.Sales;

/// <summary>
/// The workflow instance id of a sale, derived from its merchant transaction id so that a repeated request finds the
/// same instance. A hash keeps any merchant id (slashes, '@', any length) a valid Durable instance id and table key.
/// </summary>
public static class SaleInstanceIds
{
    public const string Prefix = "sale-";

    // 128 bits of SHA-256: collisions between merchant ids are not a practical concern.
    private const int HashHexLength = 32;

    public static string For(string merchantTransactionId)
    {
        ArgumentException.ThrowIfNullOrEmpty(merchantTransactionId);
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(merchantTransactionId));
        return Prefix + Convert.ToHexStringLower(hash)[..HashHexLength];
    }

    /// <summary>True for a string shaped like an id <see cref="For"/> makes; anything else cannot be a sale.</summary>
    public static bool IsWellFormed(string? paymentId) =>
        paymentId is { Length: 5 + HashHexLength }
        && paymentId.StartsWith(Prefix, StringComparison.Ordinal)
        && paymentId[Prefix.Length..].All(char.IsAsciiHexDigitLower);
}
