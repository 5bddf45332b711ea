using System.Security.Cryptography;
using System.Text;

namespace SmartRetry.Payments.Refunds;

/// <summary>
/// The payment (and workflow instance) id of a refund, derived from the original payment id and the merchant's refund
/// id, so a repeated request finds the same refund and the same refund id on another payment is another refund.
/// </summary>
public static class RefundInstanceIds
{
    public const string Prefix = "refund-";

    // 128 bits of SHA-256, as for sales.
    private const int HashHexLength = 32;

    public static string For(string originalPaymentId, string refundId)
    {
        ArgumentException.ThrowIfNullOrEmpty(originalPaymentId);
        ArgumentException.ThrowIfNullOrEmpty(refundId);
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{originalPaymentId}\n{refundId}"));
        return Prefix + Convert.ToHexStringLower(hash)[..HashHexLength];
    }

    /// <summary>True for a string shaped like an id <see cref="For"/> makes.</summary>
    public static bool IsWellFormed(string? paymentId) =>
        paymentId is { Length: 7 + HashHexLength }
        && paymentId.StartsWith(Prefix, StringComparison.Ordinal)
        && paymentId[Prefix.Length..].All(char.IsAsciiHexDigitLower);
}
