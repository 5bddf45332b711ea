using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace SmartRetry.Functions.Shared.Durable;

/// <summary>
/// Orchestration instance ids derived from a merchant's key, so a repeated request finds the same instance: a prefix and 128
/// bits of the key's SHA-256 in lower-case hex. The hash keeps any key (slashes, '@', any length) a valid Durable
/// instance id and table key; collisions between keys are not a practical concern.
/// </summary>
internal static class HashedInstanceIds
{
    private const int HashHexLength = 32;

    public static string For(string prefix, string key) =>
        prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..HashHexLength];

    /// <summary>True for a string shaped like an id <see cref="For"/> makes with <paramref name="prefix"/>.</summary>
    public static bool IsWellFormed(string prefix, string? id) =>
        id is not null
        && id.Length == prefix.Length + HashHexLength
        && id.StartsWith(prefix, StringComparison.Ordinal)
        && id[prefix.Length..].All(char.IsAsciiHexDigitLower);
}

/// <summary>
/// The orchestration instance id of a sale, derived from its merchant transaction id so that a repeated request finds the
/// same instance (<see cref="HashedInstanceIds"/>).
/// </summary>
public static class SaleInstanceIds
{
    public const string Prefix = "sale-";

    public static string For(string merchantTransactionId)
    {
        ArgumentException.ThrowIfNullOrEmpty(merchantTransactionId);
        return HashedInstanceIds.For(Prefix, merchantTransactionId);
    }

    /// <summary>True for a string shaped like an id <see cref="For"/> makes; anything else cannot be a sale.</summary>
    public static bool IsWellFormed(string? paymentId) => HashedInstanceIds.IsWellFormed(Prefix, paymentId);
}

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

/// <summary>
/// The series id (also the series orchestration's instance id), derived from the merchant's series reference so that a
/// repeated request finds the same series. A hash keeps any reference a valid instance id, table key and idempotency-key part.
/// </summary>
public static partial class RecurringSeriesIds
{
    public const string Prefix = "rs-";
    private const int HashHexLength = 32;

    public static string For(string seriesReference)
    {
        ArgumentException.ThrowIfNullOrEmpty(seriesReference);
        return Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seriesReference)))[..HashHexLength];
    }

    /// <summary>The instance id of one charge cycle; webhooks for its transactions are raised there, not on the series.</summary>
    public static string CycleInstanceId(string seriesId, int sequence) => $"{seriesId}-c{sequence}";

    /// <summary>True for a string shaped like an id <see cref="For"/> makes; anything else cannot be a series.</summary>
    public static bool IsWellFormed(string? seriesId) =>
        seriesId is { Length: 3 + HashHexLength }
        && seriesId.StartsWith(Prefix, StringComparison.Ordinal)
        && seriesId[Prefix.Length..].All(char.IsAsciiHexDigitLower);

    /// <summary>
    /// True for the ledger id of a series' own payment: <c>{series}-init</c> for the first (recurring_init), and
    /// <c>{series}-c{sequence}-a{attempt}</c> for each charge attempt of a merchant-managed series (cycle id plus attempt).
    /// </summary>
    public static bool IsChargePaymentId(string? paymentId)
    {
        const int seriesIdLength = 3 + HashHexLength;
        if (paymentId is not { Length: > seriesIdLength } || !IsWellFormed(paymentId[..seriesIdLength]))
        {
            return false;
        }

        string suffix = paymentId[seriesIdLength..];
        return suffix == "-init" || ChargeSuffix().IsMatch(suffix);
    }

    [GeneratedRegex("^-c[1-9][0-9]{0,9}-a[1-9][0-9]{0,2}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex ChargeSuffix();
}
