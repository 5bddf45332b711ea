using System.Globalization;

namespace SmartRetry.Functions.Shared.Durable;

/// <summary>
/// The payment (and orchestration instance) id of a refund, derived from the original payment id and the merchant's refund
/// id (<see cref="HashedInstanceIds"/>), so a repeated request finds the same refund and the same refund id on another
/// payment is another refund.
/// </summary>
public static class RefundInstanceIds
{
    public const string Prefix = "refund-";

    public static string For(string originalPaymentId, string refundId)
    {
        ArgumentException.ThrowIfNullOrEmpty(originalPaymentId);
        ArgumentException.ThrowIfNullOrEmpty(refundId);
        // Length-prefixed, so no two (payment, refund id) pairs make the same text.
        return HashedInstanceIds.For(Prefix, string.Create(CultureInfo.InvariantCulture, $"{originalPaymentId.Length}:{originalPaymentId}:{refundId}"));
    }

    /// <summary>True for a string shaped like an id <see cref="For"/> makes.</summary>
    public static bool IsWellFormed(string? paymentId) => HashedInstanceIds.IsWellFormed(Prefix, paymentId);
}
